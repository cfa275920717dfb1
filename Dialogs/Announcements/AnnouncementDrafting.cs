using System.Globalization;
using Microsoft.Extensions.Options;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// Composing and approving: 发布公告's compose card, 预览 (a new draft, or a correction of a sent announcement handed to
/// <see cref="AnnouncementCorrections"/>), and a second admin's 批准 / 驳回 (the two-person rule: never the author).
/// </summary>
public sealed class AnnouncementDrafting(
    IAnnouncementStore store,
    IAudienceDirectory audiences,
    AnnouncementService service,
    AnnouncementSending sending,
    AnnouncementCorrections corrections,
    IOptionsMonitor<AnnouncementOptions> options,
    TimeProvider time)
{
    public async Task ComposeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        await turn.SendAsync(OutgoingMessage.FromCard(ComposeCard.Build(language, await AudienceChoicesAsync(language, cancellationToken))), cancellationToken);
    }

    /// <summary>The compose card again, filled with the announcement (修改).</summary>
    public async Task EditAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        await turn.ReplaceCardAsync(ComposeCard.Build(language, await AudienceChoicesAsync(language, cancellationToken), Values(announcement)), cancellationToken);
    }

    public Task DiscardAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        return turn.ReplaceCardAsync(AnnouncementNotice.Build(language.Pick("已取消撰写公告。", "Announcement discarded."), language), cancellationToken);
    }

    public async Task PreviewAsync(ITurnContext turn, Announcement? existing, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var editOfSent = existing is not null && AnnouncementService.IsOut(existing);
        var form = ReadForm(turn.Input, existing);
        var error = await ValidateAsync(form, language, editOfSent, cancellationToken);
        if (error is not null)
        {
            await turn.ReplaceCardAsync(ComposeCard.Build(language, await AudienceChoicesAsync(language, cancellationToken), form.Values with { IsEditOfSent = editOfSent }, error), cancellationToken);
            return;
        }

        if (editOfSent)
        {
            await corrections.CorrectAsync(turn, existing!, form.Content, cancellationToken);
            return;
        }

        if (existing is not null && existing.State != AnnouncementState.Draft)
        {
            await sending.ShowControlAsync(turn, existing, language.Pick("这条公告已提交，不能再修改草稿。", "This announcement was already submitted."), cancellationToken);
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
        if (existing is null) draft = await store.AddAsync(draft, cancellationToken);
        else await store.SaveAsync(draft, cancellationToken);

        // The preview is the very message members will get, built by the same code.
        await turn.SendAsync(AnnouncementService.RecipientMessage(draft.Content), cancellationToken);
        var model = await service.ProgressAsync(draft, language, cancellationToken);
        var note = form.ScheduledAt is { } at
            ? language.Pick($"定时发送：{service.FormatTime(at, language)}。", $"Scheduled for {service.FormatTime(at, language)}.")
            : language.Pick("确认无误后点击“确认发送”。", "Check it, then press Send.");
        if (options.CurrentValue.RequireApproval) note += language.Pick("发送前需另一位管理员批准。", " A second admin must approve it.");
        await turn.ReplaceCardAsync(ControlCard.Build(model with { Note = note }, language), cancellationToken);
    }

    public async Task ApproveAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (IsAuthor(turn, announcement))
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("公告需由另一位管理员批准，发起人不能自己批准。", "Another admin must approve; the author cannot approve their own announcement.")), cancellationToken);
            return;
        }

        if (turn.Input.Data("editToken") is { } editToken)
        {
            await corrections.ApproveEditAsync(turn, announcement, editToken, cancellationToken);
            return;
        }

        if (announcement.State != AnnouncementState.PendingApproval)
        {
            await turn.ReplaceCardAsync(AnnouncementNotice.Build(language.Pick("这条公告已处理，无需再审批。", "This announcement was already handled."), language), cancellationToken);
            return;
        }

        var after = await service.GoAsync(announcement with { ApproverAadObjectId = turn.Input.User.AadObjectId }, AnnouncementState.PendingApproval, cancellationToken);
        await turn.ReplaceCardAsync(AnnouncementNotice.Build(after is null ? language.Pick("这条公告已处理。", "Already handled.") : language.Pick("您已批准，公告正在发送。", "Approved; the announcement is going out."), language), cancellationToken);
    }

    public async Task RejectAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (turn.Input.Data("editToken") is { } editToken && !IsAuthor(turn, announcement))
        {
            await corrections.RejectEditAsync(turn, announcement, editToken, cancellationToken);
            return;
        }

        if (IsAuthor(turn, announcement) || !await service.RejectAsync(announcement, cancellationToken))
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这条公告当前不能驳回。", "This announcement cannot be rejected now.")), cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(AnnouncementNotice.Build(language.Pick("已驳回，公告不会发送。", "Rejected; it will not be sent."), language), cancellationToken);
    }

    private static bool IsAuthor(ITurnContext turn, Announcement announcement) =>
        string.Equals(turn.Input.User.AadObjectId, announcement.AuthorAadObjectId, StringComparison.OrdinalIgnoreCase);

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
        Audience? audience = existing is not null && AnnouncementService.IsOut(existing) ? existing.Audience : ParseAudience(audienceValue);
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

    private static ComposeValues Values(Announcement a) => new(
        a.Content.Title, a.Content.Body, a.Content.ImageUrl, [.. a.Content.Links.Select(l => (l.Title, l.Url))],
        a.Audience.Kind switch { AudienceKind.AllMembers => "all", AudienceKind.AllTeamChannels => "channels", AudienceKind.Team => "team:" + a.Audience.Key, _ => "group:" + a.Audience.Key },
        a.ScheduledAt is null ? "now" : "later", null, null, a.Id, AnnouncementService.IsOut(a));
}
