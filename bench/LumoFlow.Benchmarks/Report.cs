using System.Globalization;
using System.Text;

namespace LumoFlow.Benchmarks;

/// <summary>What the run prints, kept also as text for <c>--out</c>; and the targets, each met or missed.</summary>
public sealed class Report
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Target, bool Met, string Result)> _targets = [];

    public string Text => _text.ToString();

    public void Line(string text = "")
    {
        Console.WriteLine(text);
        _text.AppendLine(text);
    }

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select((_, i) => i == 0 ? " --- |" : " ---: |")));
        foreach (var row in rows) Line("| " + string.Join(" | ", row) + " |");
        Line();
    }

    public void Target(string target, bool met, string result) => _targets.Add((target, met, result));

    public void Targets()
    {
        if (_targets.Count == 0) return;
        Table(["target", "result", ""], _targets.Select(t => (IReadOnlyList<string>)[t.Target, t.Met ? "**met**" : "**missed**", t.Result]));
    }

    public static string F(double value, string format = "0") =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => F(ratio * 100) + " %";
}
