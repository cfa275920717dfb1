using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using Microsoft.Extensions.Options;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// After sending: correcting the content (at once, or after a second admin approves that exact edit) and 撤回.
/// The moves themselves are <see cref="AnnouncementService"/>'s.
/// </summary>
public sealed class AnnouncementCorrections(AnnouncementService service, AnnouncementSending sending, IOptionsMonitor<AnnouncementOptions> options)
{
    public async Task CorrectAsync(ITurnContext turn, Announcement existing, AnnouncementContent content, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (options.CurrentValue.RequireApproval)
        {
            // Approved content changes only with a second approval: the recipients keep the approved text until then.
            var note = await service.RequestEditApprovalAsync(existing, content, cancellationToken)
                ? language.Pick("修改已提交审批；另一位管理员批准后，成员收到的消息才会更新。", "The change was submitted for approval; recipients see it only after a second admin approves.")
                : language.Pick("修改需要另一位管理员批准，但我还联系不到其他管理员；成员收到的消息保持不变。", "A second admin must approve the change, but I cannot reach another admin yet; recipients keep the approved text.");
            await sending.ShowControlAsync(turn, existing, note, cancellationToken);
            return;
        }

        var (edited, updated) = await service.CorrectAsync(existing, content, cancellationToken);
        await sending.ShowControlAsync(turn, edited, language.Pick($"已更正，正在更新 {updated} 位成员收到的消息。", $"Corrected; updating the message for {updated} recipients."), cancellationToken);
    }

    /// <summary>A second admin approves an edit of a sent announcement: only the exact edit the request showed is applied.</summary>
    public async Task ApproveEditAsync(ITurnContext turn, Announcement announcement, string editToken, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (!await service.TryTakeEditAsync(announcement, editToken, cancellationToken))
        {
            await turn.ReplaceCardAsync(AnnouncementNotice.Build(language.Pick("这项修改已处理或已被更新的修改取代，无需再审批。", "This change was already handled or replaced by a newer one."), language), cancellationToken);
            return;
        }

        var updated = await service.ApplyApprovedEditAsync(announcement, turn.Input.User.AadObjectId, cancellationToken);
        await turn.ReplaceCardAsync(AnnouncementNotice.Build(language.Pick($"您已批准修改，正在更新 {updated} 位成员收到的消息。", $"Change approved; updating the message for {updated} recipients."), language), cancellationToken);
    }

    public async Task RejectEditAsync(ITurnContext turn, Announcement announcement, string editToken, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var rejected = await service.TryTakeEditAsync(announcement, editToken, cancellationToken);
        await turn.ReplaceCardAsync(AnnouncementNotice.Build(rejected
            ? language.Pick("已驳回修改，成员收到的消息保持不变。", "Change rejected; recipients keep the approved text.")
            : language.Pick("这项修改已处理或已被更新的修改取代。", "This change was already handled or replaced by a newer one."), language), cancellationToken);
    }

    public async Task RecallAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (await service.RecallAsync(announcement, cancellationToken) is not { } count)
        {
            await sending.ShowControlAsync(turn, announcement, null, cancellationToken);
            return;
        }

        await sending.ShowControlAsync(turn, announcement with { State = AnnouncementState.Recalled }, language.Pick($"已撤回：{count} 位成员收到的消息将替换为“已撤回”，尚未发出的不再发送。", $"Withdrawn: {count} delivered messages will show \"withdrawn\"; the rest will not be sent."), cancellationToken);
    }
}
