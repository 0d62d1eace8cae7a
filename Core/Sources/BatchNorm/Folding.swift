/// Folding batch norm into the dense layer before it, for deployment.
///
/// At inference a batch-norm layer with fixed μ and σ² is an affine map per feature,
/// y = γ (z − μ)/√(σ² + ε) + β = s z + (β − s μ) with s = γ/√(σ² + ε). When z = x W + b
/// comes from a dense layer, the two compose into one dense layer:
/// W′ = W · diag(s) (column j of W scaled by sⱼ) and b′ = s (b − μ) + β.
///
/// ```swift
/// let folded = try network.foldingBatchNorm(using: .populationAlgorithm2)
/// try folded.logits(x, using: .batch)   // no batch-norm layer left: the statistics are unused
/// ```
extension DenseLayer {
    /// This layer followed by `batchNorm` normalizing with `statistics`, as one dense layer.
    public func folding(_ batchNorm: BatchNormLayer<Scalar>,
                        using statistics: NormalizationStatistics<Scalar>) throws(BatchNormError) -> DenseLayer<Scalar> {
        let n = outputs
        guard batchNorm.features == n else { throw .featureCountMismatch(expected: n, found: batchNorm.features) }
        guard statistics.features == n else { throw .featureCountMismatch(expected: n, found: statistics.features) }
        let scale = (0..<n).map { batchNorm.gamma[$0] / (statistics.variance[$0] + batchNorm.epsilon).squareRoot() }
        var w = weights.storage
        for p in 0..<inputs {
            for j in 0..<n { w[p * n + j] *= scale[j] }
        }
        let b = (0..<n).map { scale[$0] * (bias[$0] - statistics.mean[$0]) + batchNorm.beta[$0] }
        try checkFiniteResult(w, what: "a folded weight")
        try checkFiniteResult(b, what: "a folded bias")
        return try DenseLayer(weights: Batch(unchecked: inputs, features: n, scalars: w), bias: b)
    }

    /// This layer followed by `batchNorm` normalizing with the fixed statistics `source`
    /// designates. `.batch` cannot be folded: it changes with every batch.
    public func folding(_ batchNorm: BatchNormLayer<Scalar>,
                        using source: InferenceStatistics) throws(BatchNormError) -> DenseLayer<Scalar> {
        guard source != .batch else {
            throw .invalidArgument("batch statistics change with every batch and cannot be folded into weights")
        }
        // The statistics of a fixed source do not depend on the batch; an empty one is passed.
        return try folding(batchNorm, using: batchNorm.statistics(source, for: Batch(unchecked: 0, features: batchNorm.features, scalars: [])))
    }
}

extension Network {
    /// The same network at inference with every batch-norm layer folded into the dense
    /// layer right before it (see the extension of ``DenseLayer`` above):
    /// no batch-norm layer is left, and `logits(_:using:)` gives the same outputs, up to
    /// rounding, as this network's with `source`. Throws when a batch-norm layer does not
    /// directly follow a dense layer, and for `.batch`.
    public func foldingBatchNorm(using source: InferenceStatistics) throws(BatchNormError) -> Network<Scalar> {
        var folded: [NetworkLayer<Scalar>] = []
        for (k, layer) in layers.enumerated() {
            guard case let .batchNorm(b) = layer else { folded.append(layer); continue }
            guard let last = folded.last, case let .dense(d) = last else {
                throw .invalidArgument("batch-norm layer at position \(k) does not follow a dense layer")
            }
            folded[folded.count - 1] = .dense(try d.folding(b, using: source))
        }
        return Network(layers: folded)
    }
}
