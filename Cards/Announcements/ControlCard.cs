using System.Globalization;
using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Announcements;

public enum ControlStage { Preview, AwaitingApproval, ApprovalRequest, Scheduled, Sending, Completed, Recalled, Cancelled }

/// <param name="Note">A line under the title, e.g. "预览已发送在上方" or who approved.</param>
/// <param name="EditToken">On an approval request for an edit: names the exact edit, so approving an older request
/// cannot approve a newer edit the approver has not seen.</param>
public sealed record ControlModel(
    long AnnouncementId,
    string Title,
    string AudienceLabel,
    ControlStage Stage,
    int Total = 0,
    int Sent = 0,
    int Failed = 0,
    int Pending = 0,
    double? RatePerSecond = null,
    string? EstimatedFinish = null,
    string? Note = null,
    ReadView? Reads = null,
    string? EditToken = null);

/// <summary>The admin's card for one announcement: preview controls, approval, then live progress and the final report.</summary>
public static class ControlCard
{
    public const string SendVerb = "announce.send";
    public const string EditVerb = "announce.edit";
    public const string CancelVerb = "announce.cancel";
    public const string ApproveVerb = "announce.approve";
    public const string RejectVerb = "announce.reject";
    public const string RefreshVerb = "announce.refresh";
    public const string RecallVerb = "announce.recall";
    public const string ExportVerb = "announce.export";

    public static JsonObject Build(ControlModel model, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var id = model.AnnouncementId.ToString(CultureInfo.InvariantCulture);
        var data = new Dictionary<string, string> { ["announcementId"] = id };
        if (model.EditToken is not null) data["editToken"] = model.EditToken;
        var body = new List<CardElement>
        {
            new TextBlock(StageTitle(model.Stage, language)) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(model.Title) { Weight = TextWeight.Bolder },
        };
        if (model.Note is not null) body.Add(new TextBlock(model.Note) { IsSubtle = true });

        var facts = new List<(string, string)> { (en ? "Audience" : "发送对象", model.AudienceLabel) };
        if (model.Stage is ControlStage.Sending or ControlStage.Completed or ControlStage.Recalled)
        {
            facts.Add((en ? "Sent" : "已发送", model.Sent.ToString(CultureInfo.InvariantCulture)));
            facts.Add((en ? "Failed" : "失败", model.Failed.ToString(CultureInfo.InvariantCulture)));
            facts.Add((en ? "Waiting" : "待发送", model.Pending.ToString(CultureInfo.InvariantCulture)));
            if (model.RatePerSecond is { } rate && model.Stage == ControlStage.Sending)
            {
                facts.Add((en ? "Rate" : "速率", en ? $"{rate:0.#} per second" : $"每秒 {rate:0.#} 条"));
            }

            if (model.EstimatedFinish is not null) facts.Add((en ? "Estimated finish" : "预计完成", model.EstimatedFinish));
        }
        else if (model.Total > 0)
        {
            facts.Add((en ? "Recipients" : "收件人数", model.Total.ToString(CultureInfo.InvariantCulture)));
        }

        body.Add(new FactSet(facts));
        if (model.Reads is { } reads) body.AddRange(ReadSection.Build(model.Stage, reads, data, language));
        if (model.Stage == ControlStage.Completed)
        {
            body.Add(new TextBlock(en
                ? $"Finished: {model.Sent} delivered, {model.Failed} could not be delivered (the member removed or blocked the app). Use \"Export results\" for the list."
                : $"发送完毕：成功 {model.Sent} 人，失败 {model.Failed} 人（对方已卸载或屏蔽应用）。可点击“导出发送结果”查看明细。") { Wrap = true });
        }

        List<CardAction> actions = model.Stage switch
        {
            ControlStage.Preview =>
            [
                // "auto" carries the automatic follow-up toggle of the read section along.
                new ExecuteAction(SendVerb) { Title = en ? "Send" : "确认发送", Data = data, Style = ActionStyle.Positive, AssociatedInputs = model.Reads is null ? null : "auto" },
                Button(EditVerb, en ? "Edit" : "修改", data),
                Button(CancelVerb, en ? "Cancel" : "取消", data),
            ],
            ControlStage.ApprovalRequest =>
            [
                Button(ApproveVerb, model.EditToken is null ? (en ? "Approve and send" : "批准发送") : (en ? "Approve the change" : "批准修改"), data, ActionStyle.Positive),
                Button(RejectVerb, en ? "Reject" : "驳回", data, ActionStyle.Destructive),
            ],
            ControlStage.AwaitingApproval or ControlStage.Scheduled => [Button(CancelVerb, en ? "Cancel" : "取消发送", data)],
            ControlStage.Sending or ControlStage.Completed =>
            [
                Button(RefreshVerb, en ? "Refresh" : "刷新", data),
                Button(EditVerb, en ? "Edit" : "修改内容", data),
                Button(RecallVerb, en ? "Withdraw" : "撤回", data, ActionStyle.Destructive),
                Button(ExportVerb, en ? "Export results" : "导出发送结果", data),
            ],
            ControlStage.Recalled => [Button(ExportVerb, en ? "Export results" : "导出发送结果", data)],
            _ => [],
        };

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = model.Title,
            Body = body,
            Actions = actions,
        }.ToJson();
    }

    private static ExecuteAction Button(string verb, string title, Dictionary<string, string> data, ActionStyle style = ActionStyle.Default) =>
        new(verb) { Title = title, Data = data, Style = style };

    private static string StageTitle(ControlStage stage, UiLanguage language) => stage switch
    {
        ControlStage.Preview => language.Pick("公告预览（成员将看到下方这张卡片）", "Preview (members will see the card below)"),
        ControlStage.AwaitingApproval => language.Pick("等待另一位管理员批准", "Waiting for a second admin to approve"),
        ControlStage.ApprovalRequest => language.Pick("请审批这条公告", "Please review this announcement"),
        ControlStage.Scheduled => language.Pick("公告已定时", "Announcement scheduled"),
        ControlStage.Sending => language.Pick("公告发送中", "Sending announcement"),
        ControlStage.Completed => language.Pick("公告发送报告", "Announcement report"),
        ControlStage.Recalled => language.Pick("公告已撤回", "Announcement withdrawn"),
        _ => language.Pick("公告已取消", "Announcement cancelled"),
    };
}
