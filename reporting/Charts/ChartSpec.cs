// The format-neutral chart contract shared by the HTML report and the live page: what a chart shows (title, axes with
// units and scales, series, a note saying what a mark is), never how a library draws it (EChartsOptions does that).
namespace SweepCluster.Reporting.Charts;

/// <summary>One chart of the report.</summary>
/// <param name="Id">The element id of the chart's data, unique in a page: lower-case letters, digits and '-'.</param>
/// <param name="Title">What the chart shows, in words.</param>
/// <param name="Note">One line saying what a mark is and what was left out (caps, sampling).</param>
public abstract record ChartSpec(string Id, string Title, string Note);

/// <summary>Points and lines over a shared x axis, in one or more panels stacked under each other (each with its own
/// y axis, all on the same x axis).</summary>
/// <param name="X">The shared x axis.</param>
/// <param name="Panels">The y axis of each panel, top first; a series names its panel by index.</param>
/// <param name="Series">Everything drawn, in drawing order.</param>
public sealed record XyChart(string Id, string Title, string Note, ChartAxis X, IReadOnlyList<ChartAxis> Panels,
    IReadOnlyList<ChartSeries> Series) : ChartSpec(Id, Title, Note);

/// <summary>Parallel coordinates: one vertical axis per dimension, one polyline per row, brushable on every axis.</summary>
/// <param name="Axes">The dimensions, left to right; the last one is coloured by value.</param>
/// <param name="Rows">One row per line, one value per axis (a category axis's value is the category's index).</param>
public sealed record ParallelChart(string Id, string Title, string Note, IReadOnlyList<ChartAxis> Axes,
    IReadOnlyList<ParallelRow> Rows) : ChartSpec(Id, Title, Note);

/// <summary>One line of a parallel-coordinates chart.</summary>
/// <param name="Label">What the line is (e.g. "trial 12").</param>
/// <param name="Values">One value per axis; null where the row has none.</param>
public sealed record ParallelRow(string Label, IReadOnlyList<double?> Values);
