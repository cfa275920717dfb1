namespace OrganBot.Cards.Feedback;

/// <summary>The (label, code) choices the feedback cards offer, in one language, with the preselected code where there is one.</summary>
public sealed record FeedbackChoices(
    IReadOnlyList<(string Title, string Value)> Categories,
    IReadOnlyList<(string Title, string Value)> Statuses,
    IReadOnlyList<(string Title, string Value)> Units,
    IReadOnlyList<(string Title, string Value)> Ratings,
    IReadOnlyList<(string Title, string Value)> Contacts,
    string DefaultUnit,
    string DefaultContact);
