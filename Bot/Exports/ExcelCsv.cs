using CsvHelper;

namespace OrganBot.Bot.Exports;

/// <summary>
/// The one way the bot writes a CSV for admins: UTF-8 with a byte-order mark so Excel shows Chinese, and cells that
/// start with = + - @ neutralised so a spreadsheet does not run them as formulas (names and texts come from members).
/// </summary>
internal static class ExcelCsv
{
    public static async Task<byte[]> WriteAsync(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            await csv.WriteRecordAsync([.. header], cancellationToken);
            foreach (var row in rows)
            {
                await csv.WriteRecordAsync([.. row], cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        return stream.ToArray();
    }
}
