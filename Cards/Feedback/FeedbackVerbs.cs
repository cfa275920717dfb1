namespace OrganBot.Cards.Feedback;

/// <summary>Card verbs of the feedback feature and the data keys they carry.</summary>
public static class FeedbackVerbs
{
    public const string Prefix = "feedback.";

    public const string FormSubmit = "feedback.form.submit";
    public const string FormCancel = "feedback.form.cancel";
    public const string ConfirmSubmit = "feedback.confirm.submit";
    public const string ConfirmEdit = "feedback.confirm.edit";
    public const string RateOpen = "feedback.rate.open";
    public const string Rate = "feedback.rate";
    public const string Accept = "feedback.admin.accept";
    public const string Route = "feedback.admin.route";
    public const string Reply = "feedback.admin.reply";
    public const string Resolve = "feedback.admin.resolve";
    public const string List = "feedback.admin.list";
    public const string Open = "feedback.admin.open";

    /// <summary>Card instance id of a dialog card.</summary>
    public const string CardIdKey = "cid";

    public const string TicketKey = "ticket";

    /// <summary>Ticket version an admin card was rendered at.</summary>
    public const string VersionKey = "v";

    // Input ids.
    public const string CategoryInput = "category";
    public const string ContentInput = "content";
    public const string AnonymousInput = "anonymous";
    public const string ContactInput = "contact";
    public const string ContactDetailInput = "contactDetail";
    public const string UnitInput = "unit";
    public const string ReplyInput = "replyText";
    public const string ClosingNoteInput = "closingNote";
    public const string RatingInput = "rating";
    public const string RatingCommentInput = "ratingComment";
    public const string StatusFilterInput = "statusFilter";
    public const string CategoryFilterInput = "categoryFilter";
    public const string TicketChoiceInput = "ticketChoice";
}
