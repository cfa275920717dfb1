using Microsoft.Extensions.Options;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Announcements;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>Adds read receipts and the follow-up choice to the admin's announcement card.</summary>
public sealed class AnnouncementReadStatus(IReadTracking reads, IFollowUpPlans plans, IOptionsMonitor<FollowUpOptions> options)
{
    public async Task<ControlModel> AddAsync(Announcement announcement, ControlModel model, CancellationToken cancellationToken)
    {
        if (model.Stage is not (ControlStage.Preview or ControlStage.Sending or ControlStage.Completed or ControlStage.Recalled)) return model;
        var planned = await plans.FindAsync(announcement.Id, cancellationToken);
        var counts = model.Stage == ControlStage.Preview ? ReadCounts.None : await reads.CountAsync(announcement.BatchId, cancellationToken);
        var settings = options.CurrentValue;
        return model with
        {
            Reads = new ReadView(counts.Delivered, counts.Read, counts.ChannelPosts, planned ?? settings.FollowUpAfter, planned is not null, settings.MaxFollowUpsPerMember > 0),
        };
    }
}
