using Microsoft.EntityFrameworkCore;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Storage;

/// <summary>Member languages in the Members table, as the card's <c>lang</c> codes ("zh", "en"), cached per instance.</summary>
internal sealed class EfMemberLanguageStore(ScopedBotDb db, MemberLanguageCache cache) : IMemberLanguageStore
{
    public async Task<MemberLanguages> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(memberId, out var known)) return known;
        var row = await db.Context.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.PreferredLanguage, m.LastLanguage }).FirstOrDefaultAsync(cancellationToken);
        var languages = new MemberLanguages(Parse(row?.PreferredLanguage), Parse(row?.LastLanguage));
        // No row yet (a member the directory has not stored): nothing to remember, the next turn reads again.
        if (row is not null) cache.Read(memberId, languages);
        return languages;
    }

    public Task SetLastAsync(string memberId, UiLanguage language, CancellationToken cancellationToken)
    {
        var code = language.CardLang();
        // The preferred language is unchanged: known only if the entry is (it always is after GetAsync).
        var after = cache.TryGet(memberId, out var known) ? known with { Last = language } : null;
        return WriteAsync(memberId, after, () => db.Context.Members.Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastLanguage, code), cancellationToken));
    }

    public Task SetPreferredAsync(string memberId, UiLanguage language, CancellationToken cancellationToken)
    {
        var code = language.CardLang();
        return WriteAsync(memberId, new MemberLanguages(language, language), () => db.Context.Members.Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PreferredLanguage, code).SetProperty(m => m.LastLanguage, code), cancellationToken));
    }

    /// <summary>Writes the row, then the entry; a failed write, or one that found no row, drops the entry instead.</summary>
    private async Task WriteAsync(string memberId, MemberLanguages? after, Func<Task<int>> update)
    {
        var rows = 0;
        try
        {
            rows = await update();
        }
        finally
        {
            if (rows == 1 && after is not null) cache.Written(memberId, after);
            else cache.Forget(memberId);
        }
    }

    private static UiLanguage? Parse(string? code) => code switch
    {
        "en" => UiLanguage.English,
        "zh" => UiLanguage.Chinese,
        _ => null,
    };
}
