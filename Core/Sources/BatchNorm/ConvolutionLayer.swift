/// The shape of a batch of images held in a ``Batch`` (NHWC): row (n·height + y)·width + x
/// holds pixel (y, x) of image n, with one feature per channel. Per-channel batch-norm
/// statistics are then the column statistics of that batch, over m = N·H·W rows.
public struct ImageShape: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Number of images N.
    public let images: Int
    /// Height H in pixels.
    public let height: Int
    /// Width W in pixels.
    public let width: Int

    /// Rejects non-positive sizes.
    public init(images: Int, height: Int, width: Int) throws(BatchNormError) {
        guard images > 0, height > 0, width > 0 else { throw .invalidArgument("image sizes must be positive") }
        self.images = images
        self.height = height
        self.width = width
    }

    /// N·H·W, the rows of the batch and the m of per-channel statistics.
    public var pixels: Int { images * height * width }

    public var description: String { "\(images) × \(height) × \(width)" }
}

/// A two-dimensional convolution with stride 1 and no padding ("valid"): a k × k kernel maps
/// `inputChannels` to `outputChannels`, so an H × W image becomes (H − k + 1) × (W − k + 1):
///
/// y[n, i, j, o] = b[o] + Σ_{u, v < k} Σ_c x[n, i + u, j + v, c] · W[u, v, c, o]
///
/// (a cross-correlation, as in every deep-learning library). Images are ``Batch``es in the
/// layout of ``ImageShape``; W is stored as `weights[((u·k + v)·inputChannels + c)·outputChannels + o]`.
public struct ConvolutionLayer<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The kernel side k.
    public let kernelSize: Int
    /// Channels of the input.
    public let inputChannels: Int
    /// Channels of the output.
    public let outputChannels: Int
    /// W, k·k·inputChannels·outputChannels values.
    public var weights: [Scalar]
    /// b, one per output channel.
    public var bias: [Scalar]

    /// He initialization: W ~ N(0, 2/(k·k·inputChannels)), b = 0.
    public init(kernelSize: Int, inputChannels: Int, outputChannels: Int,
                generator: inout SeededGenerator) throws(BatchNormError) {
        guard kernelSize > 0, inputChannels > 0, outputChannels > 0 else {
            throw .invalidArgument("kernel size and channel counts must be positive")
        }
        let fanIn = kernelSize * kernelSize * inputChannels
        let deviation = (2 / Double(fanIn)).squareRoot()
        let count = fanIn * outputChannels
        weights = (0..<count).map { _ in Scalar(generator.nextGaussian(standardDeviation: deviation)) }
        bias = Array(repeating: 0, count: outputChannels)
        self.kernelSize = kernelSize
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
    }

    /// Given weights (in the layout above) and bias.
    public init(kernelSize: Int, inputChannels: Int, outputChannels: Int,
                weights: [Scalar], bias: [Scalar]) throws(BatchNormError) {
        guard kernelSize > 0, inputChannels > 0, outputChannels > 0 else {
            throw .invalidArgument("kernel size and channel counts must be positive")
        }
        let count = kernelSize * kernelSize * inputChannels * outputChannels
        guard weights.count == count else { throw .featureCountMismatch(expected: count, found: weights.count) }
        guard bias.count == outputChannels else { throw .featureCountMismatch(expected: outputChannels, found: bias.count) }
        try checkFinite(weights, what: "weights")
        try checkFinite(bias, what: "bias")
        self.kernelSize = kernelSize
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.weights = weights
        self.bias = bias
    }

    /// The shape of the output for an input of `shape`.
    public func outputShape(_ shape: ImageShape) throws(BatchNormError) -> ImageShape {
        guard shape.height >= kernelSize, shape.width >= kernelSize else {
            throw .invalidArgument("a \(shape.height) × \(shape.width) image is smaller than the \(kernelSize) × \(kernelSize) kernel")
        }
        return try ImageShape(images: shape.images, height: shape.height - kernelSize + 1,
                              width: shape.width - kernelSize + 1)
    }

    func check(_ x: Batch<Scalar>, _ shape: ImageShape) throws(BatchNormError) {
        guard x.features == inputChannels else { throw .featureCountMismatch(expected: inputChannels, found: x.features) }
        guard x.rows == shape.pixels else { throw .rowCountMismatch(expected: shape.pixels, found: x.rows) }
    }

    /// The convolution of `x` (images of `shape`): a batch of N·H′·W′ rows × `outputChannels`.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Batch<Scalar>, shape: ImageShape) throws(BatchNormError) -> Batch<Scalar> {
        try check(x, shape)
        let out = try outputShape(shape)
        let k = kernelSize, cin = inputChannels, cout = outputChannels
        var y = [Scalar](repeating: 0, count: out.pixels * cout)
        for n in 0..<shape.images {
            for i in 0..<out.height {
                for j in 0..<out.width {
                    let row = (n * out.height + i) * out.width + j
                    for o in 0..<cout { y[row * cout + o] = bias[o] }
                    for u in 0..<k {
                        for v in 0..<k {
                            let source = (n * shape.height + i + u) * shape.width + j + v
                            for c in 0..<cin {
                                let value = x.storage[source * cin + c]
                                let base = ((u * k + v) * cin + c) * cout
                                for o in 0..<cout { y[row * cout + o] += value * weights[base + o] }
                            }
                        }
                    }
                }
            }
        }
        try checkFiniteResult(y, what: "the convolution's output")
        return Batch(unchecked: out.pixels, features: cout, scalars: y)
    }

    /// Gradients for dY = ∂L/∂y (N·H′·W′ × outputChannels):
    /// dW[u, v, c, o] = Σ_{n, i, j} x[n, i + u, j + v, c] · dY[n, i, j, o],
    /// db[o] = Σ_{n, i, j} dY[n, i, j, o], and dx[n, i + u, j + v, c] += W[u, v, c, o] · dY[n, i, j, o].
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    public func backward(input x: Batch<Scalar>, shape: ImageShape, outputGradient dy: Batch<Scalar>) throws(BatchNormError)
        -> (input: Batch<Scalar>, weights: [Scalar], bias: [Scalar]) {
        try check(x, shape)
        let out = try outputShape(shape)
        guard dy.features == outputChannels else { throw .featureCountMismatch(expected: outputChannels, found: dy.features) }
        guard dy.rows == out.pixels else { throw .rowCountMismatch(expected: out.pixels, found: dy.rows) }
        let k = kernelSize, cin = inputChannels, cout = outputChannels
        var dx = [Scalar](repeating: 0, count: x.storage.count)
        var dw = [Scalar](repeating: 0, count: weights.count)
        var db = [Scalar](repeating: 0, count: cout)
        for n in 0..<shape.images {
            for i in 0..<out.height {
                for j in 0..<out.width {
                    let row = (n * out.height + i) * out.width + j
                    for o in 0..<cout { db[o] += dy.storage[row * cout + o] }
                    for u in 0..<k {
                        for v in 0..<k {
                            let source = (n * shape.height + i + u) * shape.width + j + v
                            for c in 0..<cin {
                                let value = x.storage[source * cin + c]
                                let base = ((u * k + v) * cin + c) * cout
                                var s: Scalar = 0
                                for o in 0..<cout {
                                    let g = dy.storage[row * cout + o]
                                    dw[base + o] += value * g
                                    s += weights[base + o] * g
                                }
                                dx[source * cin + c] += s
                            }
                        }
                    }
                }
            }
        }
        try checkFiniteResult(dx, what: "the convolution's input gradient")
        try checkFiniteResult(dw, what: "the convolution's weight gradient")
        return (Batch(unchecked: x.rows, features: cin, scalars: dx), dw, db)
    }
}
