import Foundation

extension PackageCore {
    /// The last build of `request` when it is still current (the package's content hash is
    /// the recorded one), without running SwiftPM; `nil` when SwiftPM must run.
    public func currentBuild(of request: PackageRequest) -> PackageBuild? {
        let folders = PackageWorkFolders(cache: cache, request: request)
        let wrapper = PackageWrapper(packageFolder: request.packageFolder, products: request.products)
        return cachedBuild(request, folders: folders, wrapper: wrapper)
    }
}
