/// A shape agreement statistic of a reader study.
public enum ShapeStatistic: Sendable, Equatable {
    /// Dice of the readers' polygons rasterised on each item's grid (see `PolygonDice`); nil for every class
    /// pooled, or the one class compared.
    case polygonDice(className: String?)
    /// F1 of the readers' points matched one to one within `radius` level-0 pixels (see `PointAgreement`); nil for
    /// every class pooled, or the one class compared.
    case pointF1(radius: Double, className: String?)
}
