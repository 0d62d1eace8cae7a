// Excluded in Package.swift: this file does not compile, so building it would fail.
let unfinished: Int = "not a number"
