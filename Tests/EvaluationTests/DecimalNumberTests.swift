import Testing
import TestSupport
@testable import Evaluation
import Scoring

/// Probabilities are read exactly as `Double(String)` (strtod) reads them, fast path or not.
@Suite struct DecimalNumberTests {
    @Test func randomDecimalsParseToTheSameDoubleAsStrtod() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<200_000 {
            let integerDigits = Int(random.next() % 4)
            let fractionDigits = Int(random.next() % 24)
            var text = random.next() % 5 == 0 ? "-" : ""
            text += integerDigits == 0 ? "0" : (0..<integerDigits).map { _ in String(random.next() % 10) }.joined()
            if fractionDigits > 0 { text += "." + (0..<fractionDigits).map { _ in String(random.next() % 10) }.joined() }
            #expect(DecimalNumber.parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func formsOutsideTheFastPathStillParse() {
        for text in ["1e-3", "2.5E+2", "0.1234567890123456789", "+0.5", ".5", "5.", "-0"] {
            #expect(DecimalNumber.parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func nonNumbersAreRefused() {
        for text in ["", ".", "-", "1.2.3", "nan", "inf", "0x10", "0x1p-1", "1e999", "1,5", "1e", "e1", " 1", "1 ", "+-1", "infinity"] {
            #expect(DecimalNumber.parse(text) == nil, "\(text)")
        }
    }
}
