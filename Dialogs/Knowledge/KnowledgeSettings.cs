namespace OrganBot.Dialogs.Knowledge;

/// <summary>Settings the Q&amp;A cards need (bound from <c>Knowledge</c> in Bot).</summary>
/// <param name="OfficeContact">Who members should ask about what the speech does not cover (e.g. 机关党委办公室 · 分机 8001).</param>
public sealed record KnowledgeSettings(string OfficeContact);
