using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Feedback;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

/// <summary>
/// A reader of the database alone (the SQLite file, without the key directory) cannot link an anonymous ticket to
/// the member or to the member's other tickets; the member still finds all of them under 我的反馈.
/// </summary>
public sealed class FeedbackAnonymityTests : IAsyncLifetime
{
    // Values every ticket draws from a short fixed list; equal values there link nothing.
    private static readonly HashSet<string> s_vocabularyColumns = ["Id", "Year", "Sequence", "Category", "Status", "Contact", "Language", "Version", "IsAnonymous", "Unit", "Rating"];

    private FeedbackHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync(storage: StorageKind.Sqlite);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<string> SubmitAsync(string content, bool anonymous)
    {
        var confirm = await _host.FillFormAsync(content, anonymous);
        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit")));
        var text = receipt.Readable();
        return text.Substring(text.IndexOf("NX-2026-", StringComparison.Ordinal), "NX-2026-0001".Length);
    }

    private List<Dictionary<string, object?>> ReadWithoutKeys(string table)
    {
        // Straight from the file, as someone holding a copy of the database (and not the key ring) would.
        using var connection = new SqliteConnection(_host.Bot.Settings["Storage:ConnectionString"] + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    private List<string> Tables()
    {
        using var connection = new SqliteConnection(_host.Bot.Settings["Storage:ConnectionString"] + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    [Fact]
    public async Task DatabaseOnly_AnonymousTicket_SharesNoValueWithTheMembersOtherTickets_NorNamesThem()
    {
        var named = await SubmitAsync("实名反馈：希望增加读书角。", anonymous: false);
        var anonymous1 = await SubmitAsync("匿名反馈一：某处室加班过多。", anonymous: true);
        var anonymous2 = await SubmitAsync("匿名反馈二：食堂排队太久。", anonymous: true);
        await _host.MemberSaysAsync("我的反馈");
        var mine = (await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("我的反馈", StringComparison.Ordinal))).Card!.Readable();

        var tickets = ReadWithoutKeys("FeedbackTickets");
        var namedRow = tickets.Single(t => (string)t["Number"]! == named);
        var anonymousRows = tickets.Where(t => (string)t["Number"]! is var n && (n == anonymous1 || n == anonymous2)).ToList();
        Assert.Equal(2, anonymousRows.Count);
        Assert.Equal(FeedbackHost.MemberName, namedRow["MemberName"]);
        foreach (var row in anonymousRows)
        {
            foreach (var (column, value) in row.Where(kv => kv.Value is not null && !s_vocabularyColumns.Contains(kv.Key)))
            {
                Assert.False(Equals(value, namedRow[column]), $"{column} of anonymous {row["Number"]} equals the named ticket's");
                foreach (var other in anonymousRows.Where(o => o != row))
                {
                    Assert.False(Equals(value, other[column]), $"{column} links anonymous {row["Number"]} and {other["Number"]}");
                }

                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
                Assert.DoesNotContain(Activities.UserId, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Activities.UserAad, text, StringComparison.Ordinal);
                Assert.DoesNotContain(FeedbackHost.MemberName, text, StringComparison.Ordinal);
            }
        }

        // The anonymous tickets' owner values appear nowhere else in the whole database.
        var everyCell = Tables().SelectMany(ReadWithoutKeys).SelectMany(r => r.Values).OfType<string>().ToList();
        foreach (var row in anonymousRows)
        {
            Assert.Single(everyCell, c => c.Contains((string)row["OwnerHash"]!, StringComparison.Ordinal));
            Assert.Single(everyCell, c => c.Contains((string)row["ReplyAddress"]!, StringComparison.Ordinal));
        }

        foreach (var number in new[] { named, anonymous1, anonymous2 })
        {
            Assert.Contains(number, mine, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TicketsWithTheOldPerMemberHash_AreGivenPerTicketTagsAtStart_AndStillListed()
    {
        var number = await SubmitAsync("升级前的匿名反馈。", anonymous: true);
        await using (var scope = _host.Bot.Services.CreateAsyncScope())
        {
            // As an older version stored it: one HMAC of the user id for all of a member's tickets.
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var key = await scope.ServiceProvider.GetRequiredService<FeedbackOwnerKeys>().KeyAsync(_host.Ct);
            var legacy = FeedbackProtector.LegacyOwnerHash(key, Activities.UserId);
            await db.Set<FeedbackTicketRecord>().Where(t => t.Number == number).ExecuteUpdateAsync(s => s.SetProperty(t => t.OwnerHash, legacy), _host.Ct);
            await db.Set<FeedbackSettingRecord>().Where(s => s.Key == FeedbackOwnerTagUpgrade.DoneSetting).ExecuteDeleteAsync(_host.Ct);
        }

        await _host.RestartAsync();
        await _host.MemberSaysAsync("我的反馈");
        var mine = (await _host.WaitForSendAsync(Activities.ConversationId, c => c.Card.Readable().Contains("我的反馈", StringComparison.Ordinal))).Card!.Readable();

        await using var check = _host.Bot.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<BotDbContext>().Set<FeedbackTicketRecord>().AsNoTracking().SingleAsync(t => t.Number == number, _host.Ct);
        var ownerKey = await check.ServiceProvider.GetRequiredService<FeedbackOwnerKeys>().KeyAsync(_host.Ct);
        Assert.Equal(FeedbackProtector.OwnerTag(ownerKey, Activities.UserId, number), stored.OwnerHash);
        Assert.Contains(number, mine, StringComparison.Ordinal);
    }
}
