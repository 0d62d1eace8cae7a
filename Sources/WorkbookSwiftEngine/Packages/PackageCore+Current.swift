import Foundation
import SwiftToolchain
import WorkbookKit

extension PackageCore {
    /// The last build of `request` when it is still current (the package's content hash is
    /// the recorded one), without running SwiftPM; `nil` when SwiftPM must run.
    public func currentBuild(of request: PackageRequest) -> PackageBuild? {
        let folders = PackageWorkFolders(cache: cache, request: request)
        let wrapper = PackageWrapper(packageFolder: request.packageFolder, products: request.products)
        return cachedBuild(request, folders: folders, wrapper: wrapper)
    }

    /// The folder of `cache` where `workbook`'s package is built (`packages/<package>-<key>`:
    /// the wrapper, SwiftPM's scratch folder, the record of the last build), or `nil` when the
    /// workbook has no package.
    public static func workFolder(of workbook: Workbook, cache: CacheFolder) -> URL? {
        PackagePreparation.request(of: workbook, cache: cache).map { PackageWorkFolders(cache: cache, request: $0).work }
    }
}
