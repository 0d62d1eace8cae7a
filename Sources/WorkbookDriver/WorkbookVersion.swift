/// The version `workbook --version` prints.
public enum WorkbookVersion {
    public static let current = "0.10.0"
}
