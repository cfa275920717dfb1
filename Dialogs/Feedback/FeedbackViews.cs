using OrganBot.Cards;
using OrganBot.Cards.Feedback;

namespace OrganBot.Dialogs.Feedback;

/// <summary>Turns tickets into the cards' view records and the cards' choice lists (labels in one language, codes).</summary>
public static class FeedbackViews
{
    // The choices never change; one set per language, built once.
    private static readonly FeedbackChoices s_chinese = BuildChoices(UiLanguage.Chinese);
    private static readonly FeedbackChoices s_english = BuildChoices(UiLanguage.English);

    public static FeedbackChoices Choices(UiLanguage language) => language == UiLanguage.English ? s_english : s_chinese;

    public static FeedbackTicketView View(this FeedbackTicket ticket, UiLanguage language) => new()
    {
        Number = ticket.Number,
        Version = ticket.Version,
        Category = ticket.Category.Label(language),
        Status = ticket.Status.Label(language),
        IsNew = ticket.Status == FeedbackStatus.New,
        IsResolved = ticket.Status == FeedbackStatus.Resolved,
        Unit = ticket.Unit?.Label(language),
        UnitCode = ticket.Unit?.Code(),
        Content = ticket.Content,
        IsAnonymous = ticket.IsAnonymous,
        MemberName = ticket.IsAnonymous ? null : ticket.MemberName,
        Contact = ticket.Contact == ContactPreference.BotOnly ? null : ticket.Contact.Label(language),
        ContactDetail = ticket.ContactDetail,
        CreatedAt = ticket.CreatedAt,
        Rating = ticket.Rating?.Label(language),
        RatingComment = ticket.RatingComment,
        Replies = [.. ticket.Replies.Select(r => new FeedbackReplyView(r.At, r.AdminName, r.Text))],
    };

    public static IReadOnlyList<FeedbackTicketView> Views(this IEnumerable<FeedbackTicket> tickets, UiLanguage language) => [.. tickets.Select(t => t.View(language))];

    private static FeedbackChoices BuildChoices(UiLanguage language) => new(
        Of<FeedbackCategory>(c => c.Label(language)),
        Of<FeedbackStatus>(s => s.Label(language)),
        Of<HandlingUnit>(u => u.Label(language)),
        Of<SatisfactionRating>(r => r.Label(language)),
        Of<ContactPreference>(c => c.Label(language)),
        HandlingUnit.PartyCommittee.Code(),
        ContactPreference.BotOnly.Code());

    private static (string Title, string Value)[] Of<T>(Func<T, string> label) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => (label(v), v.Code()))];
}
