/// Plain stochastic gradient descent: θ ← θ − learningRate · ∂L/∂θ for every
/// weight, bias, γ and β.
public struct SGD: Sendable, Equatable {
    /// The step size.
    public let learningRate: Double

    /// Rejects a learning rate that is not finite and positive.
    public init(learningRate: Double) throws(BatchNormError) {
        guard learningRate.isFinite, learningRate > 0 else {
            throw .invalidArgument("learning rate must be finite and positive, not \(learningRate)")
        }
        self.learningRate = learningRate
    }
}
