using ScottPlot;

namespace Ecosystem.Reports;

/// <summary>Where plots are written: one folder, unique file names, and the list of files written so far.</summary>
internal sealed class PlotOutput(string directory)
{
    private readonly List<string> _written = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Written => _written;

    public void Save(Plot plot, string baseName, int width = Figure.Width, int height = Figure.Height) =>
        _written.Add(SaveTo(baseName, path => plot.SavePng(path, width, height)));

    public void Save(Multiplot multiplot, string baseName, int width, int height) =>
        _written.Add(SaveTo(baseName, path => multiplot.SavePng(path, width, height)));

    private string SaveTo(string baseName, Action<string> save)
    {
        // Two vendors whose names differ only in characters a file name cannot hold would otherwise overwrite each other.
        var name = baseName;
        for (var n = 2; !_names.Add(name); n++)
        {
            name = baseName + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var path = Path.Combine(directory, name + ".png");
        save(path);
        return path;
    }
}
