using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Feedback;

namespace OrganBot.Tests.Cards;

public sealed class FeedbackCardSamples : ICardSamples
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 4, 7, 0, 0, TimeSpan.Zero);

    private static FeedbackTicket Ticket(bool anonymous, FeedbackStatus status, bool withReplyAndRating = false) => new()
    {
        Id = 1,
        Number = "NX-2026-0001",
        Category = FeedbackCategory.Life,
        Content = "希望食堂晚餐延长到七点，方便加班的同志。\n第二行。",
        IsAnonymous = anonymous,
        MemberName = anonymous ? null : "张三",
        MemberAadObjectId = anonymous ? null : "aaaaaaaa-0000-0000-0000-000000000001",
        Contact = anonymous ? ContactPreference.BotOnly : ContactPreference.Phone,
        ContactDetail = anonymous ? null : "13800000000",
        Status = status,
        Unit = status == FeedbackStatus.New ? null : HandlingUnit.UnionAndWomen,
        CreatedAt = s_at,
        UpdatedAt = s_at,
        ResolvedAt = status == FeedbackStatus.Resolved ? s_at : null,
        Rating = withReplyAndRating ? SatisfactionRating.BasicallySatisfied : null,
        RatingComment = withReplyAndRating ? "希望更快一些" : null,
        Version = 3,
        Replies = withReplyAndRating ? [new FeedbackReply(s_at, "李管理", "已与后勤中心商定，下周起执行。")] : [],
    };

    public IEnumerable<CardSample> Samples()
    {
        var zh = UiLanguage.Chinese;
        var en = UiLanguage.English;
        var draft = new FeedbackDraft("life", new string('长', 2001), true, "phone", "138");
        var errors = FormErrors(zh);
        return
        [
            new("feedback-form-empty-zh", FeedbackFormCard.Build(zh, "cid-1", FeedbackDraft.Empty, FeedbackViews.Choices(zh))),
            new("feedback-form-errors-zh", FeedbackFormCard.Build(zh, "cid-1", draft, FeedbackViews.Choices(zh), errors)),
            new("feedback-form-en", FeedbackFormCard.Build(en, "cid-1", FeedbackDraft.Empty, FeedbackViews.Choices(en))),
            new("feedback-confirm-zh", FeedbackConfirmCard.Build(zh, "cid-2", FeedbackCategory.Work.Label(zh), "内容", false, ContactPreference.Phone.Label(zh), "13800000000")),
            new("feedback-confirm-anonymous-en", FeedbackConfirmCard.Build(en, "cid-2", FeedbackCategory.Other.Label(en), "content", true, ContactPreference.BotOnly.Label(en), null)),
            new("feedback-receipt-zh", FeedbackReceiptCard.Build(zh, Ticket(false, FeedbackStatus.New).View(zh))),
            new("feedback-receipt-en", FeedbackReceiptCard.Build(en, Ticket(true, FeedbackStatus.New).View(en))),
            new("feedback-closed-zh", FeedbackReceiptCard.Closed(zh, "已取消本次反馈。")),
            new("feedback-admin-new-zh", FeedbackAdminCard.Build(zh, Ticket(false, FeedbackStatus.New).View(zh), FeedbackViews.Choices(zh))),
            new("feedback-admin-anonymous-routed-zh", FeedbackAdminCard.Build(zh, Ticket(true, FeedbackStatus.Routed, true).View(zh), FeedbackViews.Choices(zh), "回复内容不能为空。", "草稿")),
            new("feedback-admin-resolved-en", FeedbackAdminCard.Build(en, Ticket(false, FeedbackStatus.Resolved, true).View(en), FeedbackViews.Choices(en))),
            new("feedback-list-zh", FeedbackListCard.Build(zh, new[] { Ticket(true, FeedbackStatus.New), Ticket(false, FeedbackStatus.Accepted) }.Views(zh), FeedbackViews.Choices(zh), FeedbackListCard.OpenFilter, FeedbackListCard.AllFilter)),
            new("feedback-list-empty-en", FeedbackListCard.Build(en, [], FeedbackViews.Choices(en), "resolved", "work")),
            new("feedback-mine-zh", MyFeedbackCard.Build(zh, new[] { Ticket(false, FeedbackStatus.Resolved), Ticket(false, FeedbackStatus.Resolved, true), Ticket(true, FeedbackStatus.New) }.Views(zh))),
            new("feedback-mine-empty-en", MyFeedbackCard.Build(en, [])),
            new("feedback-rating-zh", FeedbackRatingCard.Build(zh, Ticket(false, FeedbackStatus.Resolved).View(zh), FeedbackViews.Choices(zh))),
            new("feedback-rating-error-en", FeedbackRatingCard.Build(en, Ticket(false, FeedbackStatus.Resolved).View(en), FeedbackViews.Choices(en), "Please choose a rating first.", "comment")),
            new("feedback-rating-thanks-zh", FeedbackRatingCard.Thanks(zh, Ticket(false, FeedbackStatus.Resolved, true).View(zh))),
            new("feedback-notice-status-zh", FeedbackNoticeCard.Build(zh, Ticket(true, FeedbackStatus.Accepted).View(zh), null)),
            new("feedback-notice-reply-en", FeedbackNoticeCard.Build(en, Ticket(true, FeedbackStatus.Routed).View(en), "We have passed it on.")),
            new("feedback-export-zh", FeedbackNoticeCard.Export(zh, "https://organbot.example.test/api/admin/feedback/export?token=abc", 10, 3)),
        ];
    }

    private static Dictionary<string, string> FormErrors(UiLanguage language) =>
        MemberFeedbackFlow.Validate(new FeedbackDraft("x", new string('长', 2001), false, "phone", ""), language);
}
