using System.Globalization;
using ScottPlot;

namespace Tilsyn.Web.Reports;

/// <summary>
/// Charts as PNG for reports (ScottPlot, the same library as the pages' SVG charts in
/// <see cref="Tilsyn.Web.Statistics.Charts"/>). A PNG is drawn by SkiaSharp, which finds no system
/// fonts here, so the text uses DejaVu Sans from the same place as the PDFs (Debian package
/// fonts-dejavu-core, or TILSYN_FONT_DIR). Numbers are formatted the Danish way.
/// </summary>
public static class ReportCharts
{
    public const int Width = 1200, Height = 640;
    private const string FontName = "DejaVu Sans";
    private static readonly CultureInfo Danish = Tilsyn.Calendar.DanishTime.Culture;
    private static readonly Color[] Palette =
        [Color.FromHex("#00436e"), Color.FromHex("#a4001d"), Color.FromHex("#3a7d44"), Color.FromHex("#e08a00"), Color.FromHex("#6b4c9a"), Color.FromHex("#666666")];
    private static readonly Lazy<bool> FontsAdded = new(AddFonts);

    /// <summary>A bar per label, its value written above it.</summary>
    public static byte[] BarChartPng(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yLabel)
    {
        if (labels.Count != values.Count) throw new ArgumentException("There must be a value for every label.", nameof(values));
        var plt = NewPlot(title, yLabel);
        var bars = labels.Select((_, i) => new Bar
        {
            Position = i,
            Value = values[i],
            FillColor = Palette[0],
            LineWidth = 0,
            Label = values[i].ToString("#,##0.#", Danish),
        }).ToList();
        var plottable = plt.Add.Bars(bars);
        plottable.ValueLabelStyle.FontName = FontName;
        plottable.ValueLabelStyle.FontSize = 16;
        plt.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plt.Axes.Bottom.MajorTickStyle.Length = 0;
        plt.Axes.Margins(bottom: 0, top: 0.15);
        plt.HideGrid();
        return Render(plt);
    }

    /// <summary>A line per series over the same x labels (e.g. years), with a legend when there is more than one series.</summary>
    public static byte[] LineChartPng(string title, IReadOnlyList<string> xLabels, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string yLabel)
    {
        var plt = NewPlot(title, yLabel);
        var xs = Enumerable.Range(0, xLabels.Count).Select(i => (double)i).ToArray();
        for (var i = 0; i < series.Count; i++)
        {
            var (name, values) = series[i];
            if (values.Count != xLabels.Count) throw new ArgumentException($"The series \"{name}\" must have a value for every x label.", nameof(series));
            var line = plt.Add.Scatter(xs, values.ToArray());
            line.LegendText = name;
            line.Color = Palette[i % Palette.Length];
            line.LineWidth = 3;
            line.MarkerSize = 8;
        }
        plt.Axes.Bottom.SetTicks(xs, [.. xLabels]);
        if (series.Count > 1)
        {
            plt.ShowLegend(Edge.Bottom); // below the plot, never over a line
            plt.Legend.FontName = FontName;
            plt.Legend.FontSize = 16;
        }
        return Render(plt);
    }

    private static Plot NewPlot(string title, string yLabel)
    {
        _ = FontsAdded.Value;
        var plt = new Plot();
        plt.Font.Set(FontName);
        plt.Title(title, 22);
        plt.YLabel(yLabel, 18);
        plt.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plt.Axes.Left.TickLabelStyle.FontSize = 16;
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,##0.##", Danish) };
        return plt;
    }

    private static byte[] Render(Plot plt)
    {
        plt.Font.Set(FontName); // also for what was added after NewPlot
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static bool AddFonts()
    {
        var folder = Environment.GetEnvironmentVariable("TILSYN_FONT_DIR") ?? "/usr/share/fonts/truetype/dejavu";
        var regular = Path.Combine(folder, "DejaVuSans.ttf");
        var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
        if (!File.Exists(regular))
            throw new FileNotFoundException($"Skrifttypen {regular} mangler. Installér Debian-pakken fonts-dejavu-core (eller sæt TILSYN_FONT_DIR).", regular);
        Fonts.AddFontFile(FontName, regular, bold: false, italic: false);
        if (File.Exists(bold)) Fonts.AddFontFile(FontName, bold, bold: true, italic: false);
        return true;
    }
}
