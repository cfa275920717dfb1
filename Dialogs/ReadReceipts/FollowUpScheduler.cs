using Microsoft.Extensions.Options;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>The compose-time choice "remind the unread after 24 h, once" (the toggle on the preview card) and when it is due.</summary>
public sealed class FollowUpScheduler(IFollowUpPlans plans, IOptionsMonitor<FollowUpOptions> options)
{
    /// <summary>Records the toggle sent with 确认发送, while the announcement is still a draft (later clicks change nothing).</summary>
    public Task RecordChoiceAsync(Announcement announcement, TurnInput input, CancellationToken cancellationToken)
    {
        if (announcement.State != AnnouncementState.Draft || input.Data(ReadSection.RemindToggleId) is not { } choice) return Task.CompletedTask;
        var wanted = choice == "true" && options.CurrentValue.MaxFollowUpsPerMember > 0;
        return plans.SetAsync(announcement.Id, wanted ? options.CurrentValue.FollowUpAfter : null, cancellationToken);
    }

    /// <summary>When the planned follow-up of a sent announcement is due; null while it has not gone out.</summary>
    public static DateTimeOffset? DueAt(Announcement announcement, FollowUpPlan plan) =>
        announcement.State is AnnouncementState.Sending or AnnouncementState.Completed && announcement.SentAt is { } sentAt ? sentAt + plan.After : null;
}
