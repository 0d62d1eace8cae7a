/// How a running estimate of μ and σ² is updated after each training mini-batch.
/// Below, r is the running value, x the batch statistic (mean, or variance of the
/// chosen ``VarianceKind``) and t the number of batches seen, counting this one.
public enum RunningConvention: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The notes' exponentially weighted average: r ← decay · r + (1 − decay) · x.
    /// `decay` is the notes' β of the exponentially weighted average (0.9 there),
    /// the weight of the *old* value. Source: the lesson's "Batch Norm at test time".
    case exponentialAverage(decay: Double)
    /// PyTorch's `BatchNorm1d`: r ← (1 − momentum) · r + momentum · x. `momentum`
    /// (default 0.1) is the weight of the *new* batch, so momentum = 1 − decay.
    /// Source: PyTorch documentation of `torch.nn.BatchNorm1d`.
    case pytorch(momentum: Double)
    /// The cumulative (equal-weight) average of all batches so far:
    /// r ← (1 − 1/t) · r + (1/t) · x. PyTorch's `momentum=None`.
    case cumulative
    /// The exponential average with bias correction (Adam's correction, as taught with
    /// exponentially weighted averages): v ← decay · v + (1 − decay) · x from v₀ = 0,
    /// and the estimate is v / (1 − decayᵗ). Needs decay < 1.
    case biasCorrectedExponentialAverage(decay: Double)

    public var description: String {
        switch self {
        case let .exponentialAverage(decay): return "exponential average (decay \(decay))"
        case let .pytorch(momentum): return "PyTorch (momentum \(momentum))"
        case .cumulative: return "cumulative average"
        case let .biasCorrectedExponentialAverage(decay): return "bias-corrected exponential average (decay \(decay))"
        }
    }

    /// The variance kind the convention's source uses: biased for the notes' averages
    /// (σ² as the lesson computes it), unbiased for PyTorch's (and `momentum=None`).
    public var defaultVarianceKind: VarianceKind {
        switch self {
        case .exponentialAverage, .biasCorrectedExponentialAverage: return .biased
        case .pytorch, .cumulative: return .unbiased
        }
    }

    /// The starting values of the convention's source: zeros for the notes'
    /// exponentially weighted averages (v₀ = 0), mean 0 and variance 1 for PyTorch.
    public var defaultStart: StartingValues {
        switch self {
        case .exponentialAverage, .biasCorrectedExponentialAverage: return .zeros
        case .pytorch, .cumulative: return .zeroMeanUnitVariance
        }
    }
}

/// The values a running estimate holds before the first batch.
public enum StartingValues: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// μ = 0 and σ² = 0 (v₀ = 0 of an exponentially weighted average).
    case zeros
    /// μ = 0 and σ² = 1 (PyTorch's `running_mean` and `running_var` at creation).
    case zeroMeanUnitVariance
    /// The first batch's statistics are copied, whatever the convention.
    case firstBatch
    /// Every feature starts at the given μ and σ².
    case constant(mean: Double, variance: Double)

    public var description: String {
        switch self {
        case .zeros: return "μ = 0, σ² = 0"
        case .zeroMeanUnitVariance: return "μ = 0, σ² = 1"
        case .firstBatch: return "first batch"
        case let .constant(mean, variance): return "μ = \(mean), σ² = \(variance)"
        }
    }
}

/// A complete, named choice of running estimator: the update convention, which
/// batch variance it averages (biased or unbiased) and where it starts.
///
/// ```swift
/// let notes = try RunningEstimator(.exponentialAverage(decay: 0.9))   // biased, starts at 0
/// let torch = RunningEstimator.pytorch                                 // momentum 0.1, unbiased, 0/1
/// let both  = try RunningEstimator(.pytorch(momentum: 0.1), variance: .biased)
/// ```
public struct RunningEstimator: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let convention: RunningConvention
    public let varianceKind: VarianceKind
    public let start: StartingValues

    /// Validates the decay or momentum (in [0, 1]; decay < 1 for the bias-corrected
    /// average) and fills in the convention's defaults for `variance` and `start`.
    /// The bias-corrected average requires a zero start (`.zeros`).
    public init(_ convention: RunningConvention, variance: VarianceKind? = nil,
                start: StartingValues? = nil) throws(BatchNormError) {
        switch convention {
        case let .exponentialAverage(decay):
            try checkUnitInterval(decay, name: "decay")
        case let .pytorch(momentum):
            try checkUnitInterval(momentum, name: "momentum")
        case .cumulative:
            break
        case let .biasCorrectedExponentialAverage(decay):
            try checkUnitInterval(decay, name: "decay")
            guard decay < 1 else {
                throw .invalidDecay(name: "decay", value: decay,
                                    reason: "the bias correction divides by 1 − decayᵗ, so decay must be below 1")
            }
            if let start, start != .zeros {
                throw .invalidArgument("the bias-corrected exponential average assumes a zero start (v₀ = 0), not \(start)")
            }
        }
        if case let .constant(mean, variance) = start {
            guard mean.isFinite, variance.isFinite else {
                throw .nonFiniteValue(what: "starting values", row: nil, feature: nil)
            }
            guard variance >= 0 else { throw .invalidArgument("starting variance \(variance) is negative") }
        }
        self.convention = convention
        self.varianceKind = variance ?? convention.defaultVarianceKind
        self.start = start ?? convention.defaultStart
    }

    private init(uncheckedConvention convention: RunningConvention) {
        self.convention = convention
        self.varianceKind = convention.defaultVarianceKind
        self.start = convention.defaultStart
    }

    /// PyTorch's defaults: momentum 0.1, unbiased running variance, start μ = 0, σ² = 1.
    public static let pytorch = RunningEstimator(uncheckedConvention: .pytorch(momentum: 0.1))
    /// The notes' exponential average with decay 0.9, biased variance, start at 0.
    public static let notes = RunningEstimator(uncheckedConvention: .exponentialAverage(decay: 0.9))
    /// PyTorch's `momentum=None`: cumulative average, unbiased variance.
    public static let cumulative = RunningEstimator(uncheckedConvention: .cumulative)
    /// The bias-corrected exponential average with decay 0.9, biased variance.
    public static let biasCorrected = RunningEstimator(uncheckedConvention: .biasCorrectedExponentialAverage(decay: 0.9))

    /// E.g. "PyTorch (momentum 0.1), unbiased variance, start μ = 0, σ² = 1".
    public var description: String {
        "\(convention), \(varianceKind) variance, start \(start)"
    }
}
