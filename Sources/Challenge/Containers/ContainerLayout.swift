/// How a container sees the cases it predicts.
public enum ContainerLayout: String, Sendable, Codable, CaseIterable {
    /// One run per case, in grand-challenge's algorithm interface: `/input/images/<slug>/<file>`, `/input/<slug>.json`
    /// in, `/output/images/<slug>/<file>`, `/output/<slug>.json` out, so containers built for it run unchanged.
    case perCase = "per-case"
    /// One run over every case (as TissueNet ran participants' code): `/input/<case_id>/<slug>.<ext>` and the manifest
    /// `/input/cases.csv` in, the phase's prediction file out in `/output`.
    case wholeSet = "whole-set"
}
