using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpreadCheetah;
using Tilsyn.Audits;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using DataValidation = SpreadCheetah.Validations.DataValidation;

namespace Tilsyn.Web.CaseAudits;

/// <summary>
/// The sample with the checklist as a workbook for auditors who work offline: one row per case, an
/// answer column and a comment column per question (a drop-down with the three answers). The filled
/// sheet is read back all or nothing: every error names its cell.
/// </summary>
public static class AuditSheet
{
    private static readonly string[] Fixed = ["Sags-id", "Enhed", "Sagstype", "KLE", "Oprettet"];

    public static IReadOnlyList<string> Header(AuditChecklist checklist) =>
        [.. Fixed, .. checklist.Questions.SelectMany(q => new[] { $"{q.Text} ({q.LegalRule})", $"Bemærkning: {q.Text}" })];

    /// <param name="shownKeys">The key each case is shown under to the user (a stand-in for a case they may not see), by the sampled case's id.</param>
    public static async Task<byte[]> WriteAsync(AuditChecklist checklist, IReadOnlyList<SampledCase> cases, IReadOnlyDictionary<long, string> shownKeys, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(ms, cancellationToken: ct))
        {
            await book.StartWorksheetAsync("Stikprøve", token: ct);
            await book.AddRowAsync(Header(checklist).Select(h => new DataCell(h)).ToArray(), ct);
            foreach (var c in cases)
            {
                var cells = new List<DataCell>
                {
                    new(shownKeys.GetValueOrDefault(c.Id, c.CaseKey)), new(c.UnitName), new(c.CaseType), new(c.KleGroup ?? ""), new(c.Opened.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                };
                foreach (var q in checklist.Questions)
                {
                    var cell = c.Answers.GetValueOrDefault(q.Key);
                    cells.Add(new(cell is null ? "" : AuditAnswers.Label(cell.Answer)));
                    cells.Add(new(cell?.Comment ?? ""));
                }
                await book.AddRowAsync(cells.ToArray(), ct);
            }
            if (cases.Count > 0)
                for (var i = 0; i < checklist.Questions.Count; i++)
                {
                    var col = ColumnName(Fixed.Length + 2 * i);
                    book.AddDataValidation($"{col}2:{col}{cases.Count + 1}",
                        DataValidation.ListValues([.. Enum.GetValues<AuditAnswer>().Select(AuditAnswers.Label)]));
                }
            await book.FinishAsync(ct);
        }
        return ms.ToArray();
    }

    public sealed record ReadResult(Dictionary<string, Dictionary<string, AuditCell>> Answers, List<string> Errors);

    /// <summary>Reads a returned sheet. Nothing is returned for import unless the whole sheet is valid.</summary>
    public static ReadResult Read(Stream file, AuditChecklist checklist, IReadOnlyCollection<string> caseKeys)
    {
        var errors = new List<string>();
        var answers = new Dictionary<string, Dictionary<string, AuditCell>>(StringComparer.Ordinal);
        List<List<(string Ref, string Text)>> rows;
        try
        {
            rows = ReadRows(file);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            return new([], ["Filen kan ikke læses som et Excel-regneark (.xlsx)."]);
        }
        var header = Header(checklist);
        if (rows.Count == 0) return new([], ["Arket er tomt: overskriftsrækken mangler."]);
        var first = rows[0];
        for (var i = 0; i < header.Count; i++)
        {
            var got = i < first.Count ? first[i].Text : "";
            if (!string.Equals(got.Trim(), header[i], StringComparison.Ordinal))
                errors.Add($"Celle {ColumnName(i)}1: kolonnen skal hedde \"{header[i]}\", men hedder {CellText.Quote(got)}. Kolonnerne må ikke ændres.");
        }
        for (var i = header.Count; i < first.Count; i++)
            if (first[i].Text.Trim().Length > 0) errors.Add($"Celle {ColumnName(i)}1: ukendt kolonne {CellText.Quote(first[i].Text)}. Kolonnerne må ikke ændres.");
        if (errors.Count > 0) return new([], errors);

        var known = caseKeys.ToHashSet(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            string Text(int i) => i < row.Count ? row[i].Text.Trim() : "";
            var rowNo = r + 1;
            if (Enumerable.Range(0, header.Count).All(i => Text(i).Length == 0)) continue;
            var key = Text(0);
            if (!known.Contains(key))
            {
                errors.Add($"Celle A{rowNo}: sags-id {CellText.Quote(key)} er ikke i stikprøven.");
                continue;
            }
            if (answers.ContainsKey(key))
            {
                errors.Add($"Celle A{rowNo}: sags-id {CellText.Quote(key)} står to gange.");
                continue;
            }
            var cells = new Dictionary<string, AuditCell>(StringComparer.Ordinal);
            for (var q = 0; q < checklist.Questions.Count; q++)
            {
                var at = Fixed.Length + 2 * q;
                var value = Text(at);
                var comment = Text(at + 1);
                if (value.Length == 0)
                {
                    if (comment.Length > 0) errors.Add($"Celle {ColumnName(at)}{rowNo}: skriv et svar til bemærkningen i {ColumnName(at + 1)}{rowNo}.");
                    continue;
                }
                if (!AuditAnswers.TryParse(value, out var answer))
                {
                    errors.Add($"Celle {ColumnName(at)}{rowNo}: {CellText.Quote(value)} er ikke et gyldigt svar (Opfyldt, Ikke opfyldt eller Ikke relevant).");
                    continue;
                }
                cells[checklist.Questions[q].Key] = new AuditCell(answer, comment.Length == 0 ? null : comment);
            }
            answers[key] = cells;
        }
        return errors.Count > 0 ? new([], errors) : new(answers, errors);
    }

    private static List<List<(string Ref, string Text)>> ReadRows(Stream file)
    {
        using var doc = SpreadsheetDocument.Open(file, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException();
        var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<List<(string, string)>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var rowIndex = (int)(row.RowIndex?.Value ?? (uint)(result.Count + 1));
            while (result.Count < rowIndex - 1) result.Add([]);
            var cells = new List<(string, string)>();
            foreach (var cell in row.Elements<Cell>())
            {
                var col = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < col) cells.Add(($"{ColumnName(cells.Count)}{rowIndex}", ""));
                string text;
                if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var si)) text = si < shared.Count ? shared[si] : "";
                else if (cell.DataType?.Value == CellValues.InlineString) text = cell.InlineString?.InnerText ?? "";
                else text = cell.CellValue?.Text ?? "";
                cells.Add(($"{ColumnName(col)}{rowIndex}", text));
            }
            result.Add(cells);
        }
        return result;
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
