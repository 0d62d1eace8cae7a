import BatchNorm
import Testing

@Suite("Convolution: forward by hand, backward against central finite differences")
struct ConvolutionTests {
    @Test func forwardMatchesAHandComputation() throws {
        // One 3 × 3 image, one channel, a 2 × 2 kernel [[1, 2], [3, 4]], bias 10.
        let shape = try ImageShape(images: 1, height: 3, width: 3)
        let x = try Batch<Double>(rows: 9, features: 1, scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let conv = try ConvolutionLayer<Double>(kernelSize: 2, inputChannels: 1, outputChannels: 1,
                                                weights: [1, 2, 3, 4], bias: [10])
        let y = try conv.forward(x, shape: shape)
        // top-left: 1·1 + 2·2 + 4·3 + 5·4 + 10 = 47
        #expect(y.scalars == [47, 57, 77, 87])
        #expect(try conv.outputShape(shape) == ImageShape(images: 1, height: 2, width: 2))
    }

    @Test func rejectsAnImageSmallerThanTheKernel() throws {
        var rng = SeededGenerator(seed: 1)
        let conv = try ConvolutionLayer<Double>(kernelSize: 3, inputChannels: 1, outputChannels: 1, generator: &rng)
        #expect(throws: BatchNormError.self) { try conv.outputShape(ImageShape(images: 1, height: 2, width: 5)) }
    }

    @Test(arguments: [(2, 5, 4, 2, 3, 2, UInt64(1)), (3, 4, 6, 3, 2, 3, UInt64(2)), (1, 3, 3, 1, 1, 3, UInt64(3))])
    func backwardMatchesFiniteDifferences(images: Int, height: Int, width: Int, cin: Int, cout: Int, k: Int,
                                          seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let shape = try ImageShape(images: images, height: height, width: width)
        let x = try Batch<Double>.gaussian(rows: shape.pixels, features: cin, generator: &rng)
        var conv = try ConvolutionLayer<Double>(kernelSize: k, inputChannels: cin, outputChannels: cout, generator: &rng)
        conv.bias = (0..<cout).map { _ in rng.nextGaussian() }
        let out = try conv.outputShape(shape)
        let w = (0..<(out.pixels * cout)).map { _ in rng.nextGaussian() }
        func loss(_ layer: ConvolutionLayer<Double>, _ input: Batch<Double>) throws -> Double {
            zip(try layer.forward(input, shape: shape).scalars, w).map(*).reduce(0, +)
        }
        let grads = try conv.backward(input: x, shape: shape,
                                      outputGradient: Batch(rows: out.pixels, features: cout, scalars: w))
        let h = 1e-6
        var numericX: [Double] = []
        for i in x.scalars.indices {
            var plus = x.scalars, minus = x.scalars
            plus[i] += h; minus[i] -= h
            numericX.append((try loss(conv, Batch(rows: x.rows, features: cin, scalars: plus))
                - loss(conv, Batch(rows: x.rows, features: cin, scalars: minus))) / (2 * h))
        }
        var numericW: [Double] = []
        for i in conv.weights.indices {
            var plus = conv, minus = conv
            plus.weights[i] += h; minus.weights[i] -= h
            numericW.append((try loss(plus, x) - loss(minus, x)) / (2 * h))
        }
        var numericB: [Double] = []
        for o in 0..<cout {
            var plus = conv, minus = conv
            plus.bias[o] += h; minus.bias[o] -= h
            numericB.append((try loss(plus, x) - loss(minus, x)) / (2 * h))
        }
        #expect(BackwardTests.relativeError(grads.input.scalars, numericX) < 1e-8)
        #expect(BackwardTests.relativeError(grads.weights, numericW) < 1e-8)
        #expect(BackwardTests.relativeError(grads.bias, numericB) < 1e-8)
    }

    @Test func perChannelBatchNormUsesAllPixelsOfAllImages() throws {
        // Batch norm after a convolution: the columns of the N·H·W × C batch are the channels,
        // so its statistics have m = N·H·W.
        var rng = SeededGenerator(seed: 4)
        let shape = try ImageShape(images: 3, height: 5, width: 5)
        let x = try Batch<Double>.gaussian(rows: shape.pixels, features: 2, generator: &rng)
        let conv = try ConvolutionLayer<Double>(kernelSize: 3, inputChannels: 2, outputChannels: 4, generator: &rng)
        let y = try conv.forward(x, shape: shape)
        #expect(y.rows == 3 * 3 * 3)
        let step = try BatchNormForward(input: y, gamma: [1, 1, 1, 1], beta: [0, 0, 0, 0])
        for c in 0..<4 {
            let values = y.column(c)
            let mean = values.reduce(0, +) / Double(values.count)
            #expect(abs(step.mean[c] - mean) < 1e-12)
        }
    }
}
