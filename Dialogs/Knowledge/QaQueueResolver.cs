using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>What became of a 问答待办 action: false <see cref="Valid"/> means the request named no item or sentence.</summary>
public sealed record QaResolution(bool Valid, int Resolved, string Note);

/// <summary>
/// The one implementation of the 问答待办 actions, used by the card and the console: link a missed question to a sentence
/// (the index learns it at once and every member who asked gets the answer through the delivery outbox) or confirm the
/// speech does not cover it.
/// </summary>
public sealed class QaQueueResolver(
    KnowledgeBase knowledge,
    AnswerPresenter presenter,
    IQaQueueStore queue,
    IDeliveryQueue delivery,
    TimeProvider time,
    ILogger<QaQueueResolver> logger)
{
    /// <param name="sentenceId">The sentence to link to (s42); null confirms the question is not covered.</param>
    public async Task<QaResolution> ResolveAsync(long id, string? sentenceId, string adminKey, UiLanguage language, CancellationToken cancellationToken)
    {
        var link = sentenceId is not null;
        if (id <= 0 || (link && !knowledge.Document.Sentences.Any(s => s.Id == sentenceId)))
        {
            return new QaResolution(false, 0, language.Pick("抱歉，这个按钮的内容无法识别，请重新打开问答待办。", "Sorry, I couldn't read that button. Please open the Q&A to-do again."));
        }

        var status = link ? QaQueueStatus.Linked : QaQueueStatus.NotCovered;
        var resolved = await queue.ResolveAsync(id, status, link ? [sentenceId!] : [], adminKey, time.GetUtcNow(), cancellationToken);
        string note;
        if (resolved.Count == 0)
        {
            note = language.Pick("这个问题已经处理过了。", "This question has already been handled.");
        }
        else if (!link)
        {
            note = language.Pick($"已确认讲话未涉及：“{resolved[0].Question}”。", $"Confirmed as not covered: “{resolved[0].Question}”.");
        }
        else
        {
            knowledge.Learn(resolved[0].Question, [sentenceId!]);
            var requests = new List<DeliveryRequest>();
            foreach (var entry in resolved.DistinctBy(e => e.AskerKey))
            {
                var answer = knowledge.Ask(entry.Question, entry.Language);
                if (!answer.Covered) continue;
                var intro = entry.Language.Pick($"您之前问的“{entry.Question}”，管理员已找到讲话中的相关内容：", $"About your earlier question “{entry.Question}”, an administrator found this in the speech:");
                requests.Add(new DeliveryRequest($"qa:{entry.Id}", new DeliveryTarget.User(entry.AskerUserId),
                    OutgoingMessage.FromCard(presenter.AnswerCard(answer, entry.Language), intro) with { Notify = true }, $"qa:{id}", "qa"));
            }

            await delivery.EnqueueAsync(requests, cancellationToken);
            note = language.Pick($"已关联：“{resolved[0].Question}”，答案已发给 {requests.Count} 位提问的成员。",
                $"Linked “{resolved[0].Question}”; the answer is on its way to {requests.Count} member(s).");
        }

        KnowledgeLog.QueueResolved(logger, id, status, resolved.Count);
        return new QaResolution(true, resolved.Count, note);
    }
}
