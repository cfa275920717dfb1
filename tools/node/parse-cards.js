// Parses Adaptive Cards with the official renderer library (adaptivecards 3.0.6) and reports its events.
// stdin: [{"name": "...", "card": {...}}, ...]   stdout: [{"name": "...", "events": ["Phase/Event: message", ...]}, ...]
'use strict';
const path = require('path');
const AC = require(path.join(__dirname, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map(({ name, card }) => {
    // The library checks "lang" with a global (/g) regex whose lastIndex survives between calls, so every
    // second card with a valid "lang" would get a spurious event. Judge each card as if it were the first.
    AC.CardElement.langProperty.regEx.lastIndex = 0;
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    const events = [];
    try {
      new AC.AdaptiveCard().parse(card, context);
    } catch (error) {
      events.push(`Exception: ${error && error.message}`);
    }
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      events.push(`${AC.ValidationPhase[e.phase]}/${AC.ValidationEvent[e.event]}: ${e.message}`);
    }
    return { name, events };
  });
  process.stdout.write(JSON.stringify(results));
});
