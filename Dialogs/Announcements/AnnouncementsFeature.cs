using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Cards.Model;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// 发布公告 / 公告列表 / 导出发送结果 and the announce.* card verbs. Every entry point checks the sender is an admin
/// (identity from the authenticated activity); the two-person rule is checked on approve.
/// </summary>
public sealed partial class AnnouncementsFeature(
    IAnnouncementStore store,
    IAudienceDirectory audiences,
    AnnouncementService service,
    IDownloadLinks downloads,
    IOptionsMonitor<AnnouncementOptions> options,
    TimeProvider time,
    ILogger<AnnouncementsFeature> logger,
    ReadReceipts.FollowUpScheduler followUps) : IFeature
{
    public const string ComposeCommand = "发布公告";
    public const string ListCommand = "公告列表";
    public const string ExportCommand = "导出发送结果";

    // Static: features are scoped (built every turn), their command words never change.
    private static readonly string[] s_commands = [ComposeCommand, ListCommand, ExportCommand, "announce", "announcements"];

    public IReadOnlyCollection<string> Commands => s_commands;

    public string VerbPrefix => "announce.";

    public async Task HandleCommandAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        if (!turn.IsAdmin)
        {
            await RefuseAsync(turn, cancellationToken);
            return;
        }

        var language = turn.Input.Language;
        switch (command)
        {
            case ListCommand or "announcements":
                await turn.SendAsync(OutgoingMessage.FromText(await ListTextAsync(language, cancellationToken)), cancellationToken);
                return;
            case ExportCommand:
                var latest = (await store.ListRecentAsync(20, cancellationToken)).FirstOrDefault(a => a.SentAt is not null);
                await SendExportAsync(turn, latest, cancellationToken);
                return;
            default:
                await turn.SendAsync(OutgoingMessage.FromCard(ComposeCard.Build(language, await AudienceChoicesAsync(language, cancellationToken))), cancellationToken);
                return;
        }
    }

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.IsAdmin)
        {
            LogRefused(logger, turn.Input.Verb);
            await RefuseAsync(turn, cancellationToken);
            return;
        }

        var language = turn.Input.Language;
        Announcement? announcement = null;
        if (long.TryParse(turn.Input.Data("announcementId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            announcement = await store.FindAsync(id, cancellationToken);
            if (announcement is null)
            {
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick("没有找到这条公告，可能已被删除。", "That announcement no longer exists.")), cancellationToken);
                return;
            }
        }

        switch (turn.Input.Verb)
        {
            case ComposeCard.PreviewVerb:
                await PreviewAsync(turn, announcement, cancellationToken);
                return;
            case ComposeCard.CancelVerb when announcement is null:
                await turn.ReplaceCardAsync(Notice(language.Pick("已取消撰写公告。", "Announcement discarded."), language), cancellationToken);
                return;
        }

        if (announcement is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这个按钮已失效，请重新发送“发布公告”。", "This button is no longer active. Send \"发布公告\" again.")), cancellationToken);
            return;
        }

        switch (turn.Input.Verb)
        {
            case ControlCard.SendVerb:
                await followUps.RecordChoiceAsync(announcement, turn.Input, cancellationToken);
                await SendAsync(turn, announcement, cancellationToken);
                break;
            case ControlCard.ApproveVerb:
                await ApproveAsync(turn, announcement, cancellationToken);
                break;
            case ControlCard.RejectVerb:
                await RejectAsync(turn, announcement, cancellationToken);
                break;
            case ControlCard.CancelVerb:
                await CancelAsync(turn, announcement, cancellationToken);
                break;
            case ControlCard.EditVerb:
                await turn.ReplaceCardAsync(ComposeCard.Build(language, await AudienceChoicesAsync(language, cancellationToken), Values(announcement)), cancellationToken);
                break;
            case ControlCard.RecallVerb:
                await RecallAsync(turn, announcement, cancellationToken);
                break;
            case ControlCard.ExportVerb:
                await SendExportAsync(turn, announcement, cancellationToken);
                break;
            default:
                await ShowControlAsync(turn, announcement, null, cancellationToken);
                break;
        }
    }

    private async Task PreviewAsync(ITurnContext turn, Announcement? existing, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var editOfSent = existing?.State is AnnouncementState.Sending or AnnouncementState.Completed;
        var form = ReadForm(turn.Input, existing);
        var error = await ValidateAsync(form, language, editOfSent, cancellationToken);
        if (error is not null)
        {
            await turn.ReplaceCardAsync(ComposeCard.Build(language, await AudienceChoicesAsync(language, cancellationToken), form.Values with { IsEditOfSent = editOfSent }, error), cancellationToken);
            return;
        }

        if (editOfSent && options.CurrentValue.RequireApproval)
        {
            // Approved content changes only with a second approval: the recipients keep the approved text until then.
            await store.SetPendingEditAsync(existing!.Id, form.Content, cancellationToken);
            if (!await service.RequestApprovalAsync(existing, form.Content, AnnouncementService.EditToken(form.Content), cancellationToken))
            {
                await store.SetPendingEditAsync(existing.Id, null, cancellationToken);
                await ShowControlAsync(turn, existing, language.Pick(
                    "修改需要另一位管理员批准，但我还联系不到其他管理员；成员收到的消息保持不变。",
                    "A second admin must approve the change, but I cannot reach another admin yet; recipients keep the approved text."), cancellationToken);
                return;
            }

            await ShowControlAsync(turn, existing, language.Pick(
                "修改已提交审批；另一位管理员批准后，成员收到的消息才会更新。",
                "The change was submitted for approval; recipients see it only after a second admin approves."), cancellationToken);
            return;
        }

        if (editOfSent)
        {
            var edited = existing! with { Content = form.Content, Revision = existing.Revision + 1 };
            await store.SaveAsync(edited, cancellationToken);
            var updated = await service.ApplyEditAsync(edited, cancellationToken);
            await ShowControlAsync(turn, edited, language.Pick($"已更正，正在更新 {updated} 位成员收到的消息。", $"Corrected; updating the message for {updated} recipients."), cancellationToken);
            return;
        }

        if (existing is not null && existing.State != AnnouncementState.Draft)
        {
            await ShowControlAsync(turn, existing, language.Pick("这条公告已提交，不能再修改草稿。", "This announcement was already submitted."), cancellationToken);
            return;
        }

        var draft = new Announcement
        {
            Id = existing?.Id ?? 0,
            Content = form.Content,
            Audience = form.Audience!,
            State = AnnouncementState.Draft,
            ScheduledAt = form.ScheduledAt,
            AuthorAadObjectId = existing?.AuthorAadObjectId ?? turn.Input.User.AadObjectId!,
            AuthorName = existing?.AuthorName ?? turn.Input.User.Name,
            ControlConversationId = turn.Input.Conversation.Id,
            ControlActivityId = turn.Input.ReplyToId,
            CreatedAt = existing?.CreatedAt ?? time.GetUtcNow(),
        };
        draft = existing is null ? await store.AddAsync(draft, cancellationToken) : await SaveReturnAsync(draft, cancellationToken);

        // The preview is the very message members will get, built by the same code.
        await turn.SendAsync(AnnouncementService.RecipientMessage(draft.Content), cancellationToken);
        var model = await service.ProgressAsync(draft, language, cancellationToken);
        var note = form.ScheduledAt is { } at
            ? language.Pick($"定时发送：{service.FormatTime(at, language)}。", $"Scheduled for {service.FormatTime(at, language)}.")
            : language.Pick("确认无误后点击“确认发送”。", "Check it, then press Send.");
        if (options.CurrentValue.RequireApproval) note += language.Pick("发送前需另一位管理员批准。", " A second admin must approve it.");
        await turn.ReplaceCardAsync(ControlCard.Build(model with { Note = note }, language), cancellationToken);
    }

    private async Task SendAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (announcement.State != AnnouncementState.Draft)
        {
            await ShowControlAsync(turn, announcement, null, cancellationToken);
            return;
        }

        announcement = announcement with { ControlConversationId = turn.Input.Conversation.Id, ControlActivityId = turn.Input.ReplyToId ?? announcement.ControlActivityId };
        if (options.CurrentValue.RequireApproval)
        {
            if (!await store.TryTransitionAsync(announcement.Id, AnnouncementState.Draft, AnnouncementState.PendingApproval, cancellationToken)) return;
            announcement = announcement with { State = AnnouncementState.PendingApproval };
            if (!await service.RequestApprovalAsync(announcement, announcement.Content, null, cancellationToken))
            {
                await store.TryTransitionAsync(announcement.Id, AnnouncementState.PendingApproval, AnnouncementState.Draft, cancellationToken);
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                    "发送前需要另一位管理员批准，但我还联系不到其他管理员。请其他管理员先与我打个招呼，然后再点击“确认发送”。",
                    "A second admin must approve, but I cannot reach another admin yet. Ask one to say hello to me, then press Send again.")), cancellationToken);
                return;
            }

            await store.SaveAsync(announcement, cancellationToken);
            await ShowControlAsync(turn, announcement, language.Pick("已提交审批，批准后自动发送。", "Submitted; it goes out once approved."), cancellationToken);
            return;
        }

        await GoAsync(turn, announcement, AnnouncementState.Draft, null, cancellationToken);
    }

    private async Task ApproveAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (string.Equals(turn.Input.User.AadObjectId, announcement.AuthorAadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("公告需由另一位管理员批准，发起人不能自己批准。", "Another admin must approve; the author cannot approve their own announcement.")), cancellationToken);
            return;
        }

        if (turn.Input.Data("editToken") is { } editToken)
        {
            await ApproveEditAsync(turn, announcement, editToken, cancellationToken);
            return;
        }

        if (announcement.State != AnnouncementState.PendingApproval)
        {
            await turn.ReplaceCardAsync(Notice(language.Pick("这条公告已处理，无需再审批。", "This announcement was already handled."), language), cancellationToken);
            return;
        }

        announcement = announcement with { ApproverAadObjectId = turn.Input.User.AadObjectId };
        var note = language.Pick($"已由 {turn.Input.User.Name} 批准。", $"Approved by {turn.Input.User.Name}.");
        var after = await GoAsync(null, announcement, AnnouncementState.PendingApproval, note, cancellationToken);
        await turn.ReplaceCardAsync(Notice(after is null ? language.Pick("这条公告已处理。", "Already handled.") : language.Pick("您已批准，公告正在发送。", "Approved; the announcement is going out."), language), cancellationToken);
    }

    /// <summary>A second admin approves an edit of a sent announcement: only the exact edit the request showed is applied.</summary>
    private async Task ApproveEditAsync(ITurnContext turn, Announcement announcement, string editToken, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (!await TryTakeEditAsync(announcement, editToken, cancellationToken))
        {
            await turn.ReplaceCardAsync(Notice(language.Pick("这项修改已处理或已被更新的修改取代，无需再审批。", "This change was already handled or replaced by a newer one."), language), cancellationToken);
            return;
        }

        var edited = announcement with { Content = announcement.PendingEdit!, PendingEdit = null, Revision = announcement.Revision + 1, ApproverAadObjectId = turn.Input.User.AadObjectId };
        await store.SaveAsync(edited, cancellationToken);
        var updated = await service.ApplyEditAsync(edited, cancellationToken);
        LogEditApproved(logger, announcement.Id, updated);
        await turn.ReplaceCardAsync(Notice(language.Pick($"您已批准修改，正在更新 {updated} 位成员收到的消息。", $"Change approved; updating the message for {updated} recipients."), language), cancellationToken);
    }

    /// <summary>Takes the waiting edit if it is the one <paramref name="editToken"/> names and the announcement is still out.</summary>
    private async Task<bool> TryTakeEditAsync(Announcement announcement, string editToken, CancellationToken cancellationToken) =>
        announcement.State is AnnouncementState.Sending or AnnouncementState.Completed
        && announcement.PendingEdit is { } edit
        && AnnouncementService.EditToken(edit) == editToken
        && await store.TryTakePendingEditAsync(announcement.Id, edit, cancellationToken);

    private async Task RejectAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (turn.Input.Data("editToken") is { } editToken
            && !string.Equals(turn.Input.User.AadObjectId, announcement.AuthorAadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            var rejected = await TryTakeEditAsync(announcement, editToken, cancellationToken);
            await turn.ReplaceCardAsync(Notice(rejected
                ? language.Pick("已驳回修改，成员收到的消息保持不变。", "Change rejected; recipients keep the approved text.")
                : language.Pick("这项修改已处理或已被更新的修改取代。", "This change was already handled or replaced by a newer one."), language), cancellationToken);
            return;
        }

        if (string.Equals(turn.Input.User.AadObjectId, announcement.AuthorAadObjectId, StringComparison.OrdinalIgnoreCase)
            || !await store.TryTransitionAsync(announcement.Id, AnnouncementState.PendingApproval, AnnouncementState.Cancelled, cancellationToken))
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这条公告当前不能驳回。", "This announcement cannot be rejected now.")), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(Notice(language.Pick("已驳回，公告不会发送。", "Rejected; it will not be sent."), language), cancellationToken);
    }

    /// <summary>Schedules or sends, moving the state from <paramref name="from"/> exactly once; null if another click won.</summary>
    private async Task<Announcement?> GoAsync(ITurnContext? turn, Announcement announcement, AnnouncementState from, string? note, CancellationToken cancellationToken)
    {
        var scheduled = announcement.ScheduledAt is { } at && at > time.GetUtcNow();
        var to = scheduled ? AnnouncementState.Scheduled : AnnouncementState.Sending;
        if (!await store.TryTransitionAsync(announcement.Id, from, to, cancellationToken))
        {
            if (turn is not null) await ShowControlAsync(turn, (await store.FindAsync(announcement.Id, cancellationToken))!, null, cancellationToken);
            return null;
        }

        announcement = announcement with { State = to };
        await store.SaveAsync(announcement, cancellationToken);
        if (!scheduled) announcement = await service.DispatchAsync(announcement, cancellationToken);
        LogSubmitted(logger, announcement.Id, to, announcement.RecipientCount);
        if (turn is not null) await ShowControlAsync(turn, announcement, note, cancellationToken);
        return announcement;
    }

    private async Task CancelAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        foreach (var from in new[] { AnnouncementState.Draft, AnnouncementState.PendingApproval, AnnouncementState.Scheduled })
        {
            if (announcement.State == from && await store.TryTransitionAsync(announcement.Id, from, AnnouncementState.Cancelled, cancellationToken))
            {
                await turn.ReplaceCardAsync(Notice(language.Pick("已取消，这条公告不会发送。", "Cancelled; it will not be sent."), language), cancellationToken);
                return;
            }
        }

        await ShowControlAsync(turn, announcement, language.Pick("公告已开始发送，不能取消；如需收回请点击“撤回”。", "It is already being sent; use Withdraw instead."), cancellationToken);
    }

    private async Task RecallAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (announcement.State is not (AnnouncementState.Sending or AnnouncementState.Completed)
            || !await store.TryTransitionAsync(announcement.Id, announcement.State, AnnouncementState.Recalled, cancellationToken))
        {
            await ShowControlAsync(turn, announcement, null, cancellationToken);
            return;
        }

        announcement = announcement with { State = AnnouncementState.Recalled };
        var count = await service.ApplyRecallAsync(announcement, cancellationToken);
        LogRecalled(logger, announcement.Id, count);
        await ShowControlAsync(turn, announcement, language.Pick($"已撤回：{count} 位成员收到的消息将替换为“已撤回”，尚未发出的不再发送。", $"Withdrawn: {count} delivered messages will show \"withdrawn\"; the rest will not be sent."), cancellationToken);
    }

    private async Task ShowControlAsync(ITurnContext turn, Announcement announcement, string? note, CancellationToken cancellationToken)
    {
        var model = await service.ProgressAsync(announcement, turn.Input.Language, cancellationToken);
        await turn.ReplaceCardAsync(ControlCard.Build(note is null ? model : model with { Note = note }, turn.Input.Language), cancellationToken);
    }

    private async Task SendExportAsync(ITurnContext turn, Announcement? announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (announcement?.SentAt is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("还没有已发送的公告，暂无发送结果可导出。", "No announcement has been sent yet, so there are no results to export.")), cancellationToken);
            return;
        }

        var link = await downloads.CreateAsync(DownloadPurposes.AnnouncementResults, announcement.Id.ToString(CultureInfo.InvariantCulture), turn.Input.User.AadObjectId!, cancellationToken);
        await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
            $"“{announcement.Content.Title}”的逐人发送结果（CSV，仅限您本人使用一次，{link.Minutes} 分钟内有效）：[下载发送结果]({link.Url.AbsoluteUri})",
            $"Per-recipient results of \"{announcement.Content.Title}\" (CSV; for you only, works once, valid for {link.Minutes} minutes): [Download]({link.Url.AbsoluteUri})")), cancellationToken);
    }

    private async Task<string> ListTextAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var recent = await store.ListRecentAsync(10, cancellationToken);
        if (recent.Count == 0) return language.Pick("还没有公告。发送“发布公告”撰写第一条。", "No announcements yet. Send \"发布公告\" to write one.");
        var lines = new List<string> { language.Pick("最近的公告：", "Recent announcements:"), "" };
        foreach (var a in recent)
        {
            var model = await service.ProgressAsync(a, language, cancellationToken);
            var counts = a.SentAt is null ? "" : language.Pick($"，已发送 {model.Sent} / 失败 {model.Failed} / 待发送 {model.Pending}", $", sent {model.Sent} / failed {model.Failed} / waiting {model.Pending}");
            lines.Add($"- {a.Content.Title}（{StateLabel(a.State, language)}{counts}{ReadView.ListClause(model.Reads, language)}）");
        }

        return string.Join("\n", lines);
    }

    private async Task<IReadOnlyList<(string Title, string Value)>> AudienceChoicesAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var choices = new List<(string, string)>
        {
            (language.Pick("全体成员（单独发送）", "All members (1:1)"), Audience.All.ChoiceValue),
            (language.Pick("所有团队的“常规”频道", "General channel of every team"), new Audience(AudienceKind.AllTeamChannels).ChoiceValue),
        };
        foreach (var team in await audiences.GetTeamsAsync(cancellationToken)) choices.Add((language.Pick($"团队成员：{team.Name}", $"Team members: {team.Name}"), new Audience(AudienceKind.Team, team.TeamId).ChoiceValue));
        foreach (var group in audiences.GroupNames) choices.Add((language.Pick($"分组：{group}", $"Group: {group}"), new Audience(AudienceKind.Group, group).ChoiceValue));
        return choices;
    }

    private sealed record Form(AnnouncementContent Content, Audience? Audience, DateTimeOffset? ScheduledAt, ComposeValues Values, string? When, bool TimeInvalid);

    private Form ReadForm(TurnInput input, Announcement? existing)
    {
        string Text(string key) => (input.Data(key) ?? "").Trim();
        var links = new List<(string Title, string Url)>();
        for (var i = 1; i <= ComposeCard.MaxLinks; i++)
        {
            if (Text($"link{i}Title").Length > 0 || Text($"link{i}Url").Length > 0) links.Add((Text($"link{i}Title"), Text($"link{i}Url")));
        }

        var content = new AnnouncementContent(Text("title"), Text("body"), Text("imageUrl") is { Length: > 0 } image ? image : null, [.. links.Select(l => new AnnouncementLink(l.Title, l.Url))]);
        var audienceValue = Text("audience");
        Audience? audience = existing?.State is AnnouncementState.Sending or AnnouncementState.Completed ? existing.Audience : ParseAudience(audienceValue);
        DateTimeOffset? scheduledAt = null;
        var timeInvalid = false;
        if (Text("when") == "later")
        {
            if (DateOnly.TryParseExact(Text("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && TimeOnly.TryParseExact(Text("time"), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            {
                var local = date.ToDateTime(clock);
                scheduledAt = new DateTimeOffset(local, service.Zone().GetUtcOffset(local)).ToUniversalTime();
            }
            else
            {
                timeInvalid = true;
            }
        }

        var values = new ComposeValues(content.Title, content.Body, content.ImageUrl, links, audienceValue, Text("when"), Text("date"), Text("time"), existing?.Id);
        return new Form(content, audience, scheduledAt, values, Text("when"), timeInvalid);
    }

    // The shared card-value parser, limited to the audiences the compose card offers.
    private Audience? ParseAudience(string value) => value.Length == 0 ? null : Audience.FromChoiceValue(value) switch
    {
        { Kind: AudienceKind.AllMembers or AudienceKind.AllTeamChannels or AudienceKind.Team } audience => audience,
        { Kind: AudienceKind.Group } group when audiences.GroupNames.Contains(group.Key!) => group,
        _ => null,
    };

    private async Task<string?> ValidateAsync(Form form, UiLanguage language, bool editOfSent, CancellationToken cancellationToken)
    {
        var c = form.Content;
        if (c.Title.Length == 0 || c.Body.Length == 0) return language.Pick("标题和正文不能为空，请填写后再预览。", "Title and body cannot be empty.");
        if (c.Title.Length > ComposeCard.MaxTitle) return language.Pick($"标题最多 {ComposeCard.MaxTitle} 个字，请精简后再预览。", $"The title can have at most {ComposeCard.MaxTitle} characters.");
        if (c.Body.Length > ComposeCard.MaxBody) return language.Pick($"正文最多 {ComposeCard.MaxBody} 个字，请精简后再预览。", $"The body can have at most {ComposeCard.MaxBody} characters.");
        if (c.ImageUrl is not null && !IsWebUrl(c.ImageUrl, httpsOnly: true)) return language.Pick("图片链接需要以 https:// 开头的完整网址。", "The image link must be a full https:// address.");
        if (c.Links.Any(l => l.Title.Length == 0 || l.Title.Length > 40 || !IsWebUrl(l.Url, httpsOnly: false)))
        {
            return language.Pick("每个按钮都需要文字（最多 40 字）和以 http(s):// 开头的链接。", "Every button needs text (up to 40 characters) and an http(s):// link.");
        }

        if (editOfSent) return null;
        if (form.Audience is null) return language.Pick("请选择有效的发送对象。", "Please choose who receives it.");
        if (form.Audience.Kind == AudienceKind.Team && !(await audiences.GetTeamsAsync(cancellationToken)).Any(t => t.TeamId == form.Audience.Key))
        {
            return language.Pick("我不在所选的团队中，请重新选择发送对象。", "I am not in that team; please choose again.");
        }

        if (form.TimeInvalid) return language.Pick("定时发送需要填写日期和时间。", "Please enter a date and time for a scheduled send.");
        if (form.ScheduledAt is { } at && at <= time.GetUtcNow()) return language.Pick("定时发送的时间已经过去，请选择将来的时间。", "That time has passed; choose a time in the future.");
        return null;
    }

    private static bool IsWebUrl(string value, bool httpsOnly) =>
        value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));

    private async Task<Announcement> SaveReturnAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        await store.SaveAsync(announcement, cancellationToken);
        return announcement;
    }

    private static ComposeValues Values(Announcement a) => new(
        a.Content.Title, a.Content.Body, a.Content.ImageUrl, [.. a.Content.Links.Select(l => (l.Title, l.Url))],
        a.Audience.Kind switch { AudienceKind.AllMembers => "all", AudienceKind.AllTeamChannels => "channels", AudienceKind.Team => "team:" + a.Audience.Key, _ => "group:" + a.Audience.Key },
        a.ScheduledAt is null ? "now" : "later", null, null, a.Id, a.State is AnnouncementState.Sending or AnnouncementState.Completed);

    private static string StateLabel(AnnouncementState state, UiLanguage language) => state switch
    {
        AnnouncementState.Draft => language.Pick("草稿", "draft"),
        AnnouncementState.PendingApproval => language.Pick("待审批", "awaiting approval"),
        AnnouncementState.Scheduled => language.Pick("已定时", "scheduled"),
        AnnouncementState.Sending => language.Pick("发送中", "sending"),
        AnnouncementState.Completed => language.Pick("已发送", "sent"),
        AnnouncementState.Recalled => language.Pick("已撤回", "withdrawn"),
        _ => language.Pick("已取消", "cancelled"),
    };

    internal static JsonObject Notice(string text, UiLanguage language) => new AdaptiveCard
    {
        Lang = language.CardLang(),
        FallbackText = text,
        Body = [new TextBlock(text)],
    }.ToJson();

    private static Task RefuseAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
            "抱歉，发布和管理公告仅对管理员开放。如需发布通知，请联系机关党委办公室。",
            "Sorry, only administrators can publish and manage announcements. Please contact the office if you need to send a notice.")), cancellationToken);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Non-admin tried announcement action {Verb}")]
    private static partial void LogRefused(ILogger logger, string? verb);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Announcement {Id} is now {State} for {Recipients} recipients")]
    private static partial void LogSubmitted(ILogger logger, long id, AnnouncementState state, int recipients);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Edit of announcement {Id} approved; {Count} delivered messages will be updated")]
    private static partial void LogEditApproved(ILogger logger, long id, int count);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Announcement {Id} withdrawn; {Count} delivered messages will be replaced")]
    private static partial void LogRecalled(ILogger logger, long id, int count);
}
