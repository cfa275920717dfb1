using Microsoft.EntityFrameworkCore;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Storage;

/// <summary>Member languages in the Members table, as the card's <c>lang</c> codes ("zh", "en").</summary>
internal sealed class EfMemberLanguageStore(BotDbContext db) : IMemberLanguageStore
{
    public async Task<MemberLanguages> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        var row = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.PreferredLanguage, m.LastLanguage }).FirstOrDefaultAsync(cancellationToken);
        return new MemberLanguages(Parse(row?.PreferredLanguage), Parse(row?.LastLanguage));
    }

    public Task SetLastAsync(string memberId, UiLanguage language, CancellationToken cancellationToken)
    {
        var code = language.CardLang();
        return db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastLanguage, code), cancellationToken);
    }

    public Task SetPreferredAsync(string memberId, UiLanguage language, CancellationToken cancellationToken)
    {
        var code = language.CardLang();
        return db.Members.Where(m => m.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PreferredLanguage, code).SetProperty(m => m.LastLanguage, code), cancellationToken);
    }

    private static UiLanguage? Parse(string? code) => code switch
    {
        "en" => UiLanguage.English,
        "zh" => UiLanguage.Chinese,
        _ => null,
    };
}
