// Training-time batch-normalization throughput on a 256 × 1024 batch of Doubles:
// the forward pass with all its intermediates (μ, Z − μ, σ², Z_norm, Z̃) and the
// backward pass (dZ, dγ, dβ). Prints the median over repeated runs, one line each:
//   <name> <median milliseconds> <million elements per second>
import BatchNorm

let rows = 256, features = 1024, repeats = 51, warmup = 5
var rng = SeededGenerator(seed: 2015)
let x = try Batch<Double>.gaussian(rows: rows, features: features, mean: 3, standardDeviation: 2, generator: &rng)
let dy = try Batch<Double>.gaussian(rows: rows, features: features, generator: &rng)
let gamma = (0..<features).map { 1 + Double($0 % 7) / 10 }
let beta = (0..<features).map { Double($0 % 5) / 10 }

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func milliseconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
}

let clock = ContinuousClock()
var sink = 0.0
var forwardTimes: [Double] = []
var backwardTimes: [Double] = []
// Each run's results stay alive until the next run has produced its own, as the
// numpy script's variables do, so both see the same allocation pattern.
var previousStep: BatchNormForward<Double>?
var previousGradients: BatchNormGradients<Double>?
for run in 0..<(warmup + repeats) {
    var step: BatchNormForward<Double>?
    let f = try clock.measure { step = try BatchNormForward(input: x, gamma: gamma, beta: beta) }
    var grads: BatchNormGradients<Double>?
    let b = try clock.measure { grads = try step!.backward(outputGradient: dy) }
    sink += step!.output.scalars[run % 100] + grads!.input.scalars[run % 100]
    previousStep = step
    previousGradients = grads
    if run >= warmup {
        forwardTimes.append(milliseconds(f))
        backwardTimes.append(milliseconds(b))
    }
}
let elements = Double(rows * features)
for (name, times) in [("forward", forwardTimes), ("backward", backwardTimes)] {
    let ms = median(times)
    print(name, String(format3(ms)), String(format3(elements / (ms * 1e-3) / 1e6)))
}
if sink.isNaN || previousStep == nil || previousGradients == nil { print("unreachable") }

/// Three decimals without Foundation.
func format3(_ v: Double) -> String {
    let scaled = (v * 1000).rounded()
    let whole = Int(scaled / 1000)
    let frac = Int(abs(scaled).truncatingRemainder(dividingBy: 1000))
    let f = String(frac)
    return "\(whole).\(String(repeating: "0", count: 3 - f.count))\(f)"
}
