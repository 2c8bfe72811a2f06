import Foundation
import LeadsSandbox

/// Seeds, sizes and hostile text for the fuzz tests.
///
/// `swift test` runs each fuzzer at its short size with a fixed seed, so CI
/// is repeatable; `scripts/fuzz` sets `FUZZ_SEED` (printed, to replay a
/// failure) and each fuzzer's steps (`FUZZ_APP_STEPS`, `FUZZ_TEXT_STEPS`,
/// `FUZZ_ANSWER_STEPS`) for a long run.
public enum Fuzz {
    /// `FUZZ_SEED` when set (decimal), else `fallback`.
    public static func seed(default fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? fallback
    }

    /// `FUZZ_<NAME>_STEPS` (e.g. `FUZZ_APP_STEPS`), else `FUZZ_STEPS`, else `fallback`.
    public static func steps(_ name: String, default fallback: Int) -> Int {
        let environment = ProcessInfo.processInfo.environment
        return (environment["FUZZ_\(name)_STEPS"] ?? environment["FUZZ_STEPS"]).flatMap { Int($0) }.map { max(1, $0) } ?? fallback
    }

    /// The kinds of text issue 10 names, each a piece `text(using:)` strings together.
    public static let pieces: [String] = [
        "Ana", "Souza", " ", "  ", "42", "x@y.z", "+15551234567",
        "Zoë", "Ångström", "Müller", "Straße", "e\u{301}", "a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}", "ΟΔΟΣ",
        "山田太郎", "김민준", "ｶﾀｶﾅ", "Ｆｕｌｌ",
        "😀", "❤️", "🏕️", "👨‍👩‍👧", "👋🏽", "🇧🇷", "🇧", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "1️⃣",
        "\u{FE0F}", "\u{200D}", "\u{301}", "\u{1F3FD}",
        "مرحبا", "שלום", "\u{202E}evil", "\u{2066}x\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
        "\u{0}", "\u{7}", "\u{8}", "\u{1B}", "\u{1B}[2J", "\u{1B}]52;c;aGk=\u{7}", "\u{7F}", "\u{85}", "\u{9B}31m", "\u{9D}",
        "\r", "\n", "\r\n", "\t", "\u{2028}", "\u{2029}",
        "→", "…", "°", "Ω", "\u{200B}", "\u{FEFF}", "\u{AD}", "\u{E000}", "\u{378}", "\u{FFFF}", "\u{10FFFF}", "\u{1160}",
    ]

    /// A string of 0...`pieces` random pieces; one time in 50 a word of 200–3,000 letters.
    public static func text(using random: inout SplitMix64, pieces count: Int = 8) -> String {
        if Int.random(in: 0..<50, using: &random) == 0 {
            return String(repeating: pieces.randomElement(using: &random)!, count: Int.random(in: 200...3_000, using: &random))
        }
        var out = ""
        for _ in 0..<Int.random(in: 0...count, using: &random) { out += pieces.randomElement(using: &random)! }
        return out
    }

    /// A whole number of the kinds servers and people send: small, edge, huge, negative.
    public static func number(using random: inout SplitMix64) -> Int {
        [0, 1, -1, 7, 50, 108, 10_000, Int(Int32.max), Int.max, Int.min, Int.max - 1, -Int.random(in: 0...1_000, using: &random),
         Int.random(in: 0...200, using: &random)].randomElement(using: &random)!
    }
}
