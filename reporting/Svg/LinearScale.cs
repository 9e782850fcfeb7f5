// Maps data values to pixel coordinates along one axis, linearly. It does not choose the domain (NiceTicks does).
namespace SweepCluster.Reporting.Svg;

/// <summary>A linear map from [<paramref name="DomainMin"/>, <paramref name="DomainMax"/>] to [<paramref name="RangeStart"/>, <paramref name="RangeEnd"/>].</summary>
public sealed record LinearScale(double DomainMin, double DomainMax, double RangeStart, double RangeEnd)
{
    /// <summary>The pixel coordinate of <paramref name="value"/>.</summary>
    public double Map(double value) =>
        DomainMax == DomainMin
            ? (RangeStart + RangeEnd) / 2
            : RangeStart + (value - DomainMin) / (DomainMax - DomainMin) * (RangeEnd - RangeStart);
}
