using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>Read / answered / no reaction for 出勤统计, from an occurrence's deliveries and who answered.</summary>
public static class ReminderReactions
{
    public static ReactionsView From(IEnumerable<DeliveryStatus> batch, IEnumerable<string> answeredMemberIds)
    {
        var reached = batch.Where(s => s.Target is DeliveryTarget.User && s.State == DeliveryState.Sent)
            .GroupBy(s => ((DeliveryTarget.User)s.Target).UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(s => s.ReadAt is not null), StringComparer.Ordinal);
        var answered = answeredMemberIds.ToHashSet(StringComparer.Ordinal);
        var read = reached.Count(m => m.Value);
        var answeredReached = reached.Keys.Count(answered.Contains);
        var neither = reached.Count(m => !m.Value && !answered.Contains(m.Key));
        return new ReactionsView(read, answeredReached, neither);
    }
}
