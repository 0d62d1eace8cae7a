import WorkbookKit
print("workbook")
