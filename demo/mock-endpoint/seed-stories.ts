/** The stories the mock server knows before any reader arrives (demo data). */
export interface SeedStory {
  id: string;
  title: string;
  url: string;
  paragraphs: string[];
  /** How popular the story is: the share of seed readers who clap for it. */
  reach: number;
}

/** The demo page's story (paragraph texts as on `demo/index.html`; the widget re-registers them). */
const letterpress: SeedStory = {
  id: 'letterpress-revival',
  title: 'The Weight of a Letter: Inside the Quiet Revival of Letterpress',
  url: 'https://blog.example.com/2026/11/the-weight-of-a-letter',
  reach: 0.8,
  paragraphs: [
    "On a Saturday morning in late winter, the loudest sound in Zoë Marchetti’s workshop is not the press. It is the type. Twelve students stand at tall wooden cabinets, each pulling a shallow drawer halfway out and picking tiny metal letters from its compartments, and the room fills with a dry, insistent clicking, like rain on a tin roof heard from very far away. Nobody talks much. Everyone is concentrating on the same problem: how to make a sentence out of objects.",
    "Marchetti’s shop occupies what used to be a tyre warehouse at the edge of a small river town, and it holds, by her count, a little over four tons of lead. Most of it arrived in the backs of borrowed vans over the past decade — type cabinets from a closed newspaper, a platen press from a church basement, a proofing press that had spent thirty years under a tarpaulin in a barn. “People think I collect printing presses,” she says, wiping ink from her thumb with a rag that has clearly done this job many times before. “I don’t. I just keep saying yes when somebody calls.”",
    "She is one of thousands. Across Europe, North America and well beyond, letterpress printing — the method that carried written language from the fifteenth century into the twentieth, and was then abandoned almost overnight — has found an unlikely second life. It survives not as an industry but as a practice: part craft, part art form, part stubborn argument with the speed of everything else. This is a story about how it nearly disappeared, why it came back, and what the people who spend their weekends setting type by hand say it has taught them.",
    "The basic idea behind letterpress is so simple that it is easy to miss how radical it was. Instead of carving an entire page into a single block of wood, you cast each letter separately, as its own small object, and then arrange those objects into words, lines and pages. When the printing is done, you take the page apart and use the same letters again. The system that took shape in Mainz around 1450, in Johannes Gutenberg’s workshop, was not the first movable type in the world — printers in China and Korea had worked with movable characters centuries earlier — but its combination of cast metal type, oil-based ink and a screw press proved extraordinarily durable. For roughly five hundred years, the fundamentals barely changed.",
    "Each individual letter is called a sort. Sorts are kept in a type case, a wide, shallow drawer divided into dozens of compartments of different sizes; the most common letters get the biggest compartments, closest to the compositor’s hand. In many English-speaking shops, the capitals were kept in a separate case propped above the small letters, which is why we still call them uppercase and lowercase — two words that have outlived the furniture they described by several generations.",
    "The vocabulary of the trade is full of fossils like this. The thin strips of metal placed between lines to open up the spacing were made of a lead alloy, so the space itself came to be called leading, a word designers still use in software that has never touched a gram of metal. A tray of type that has been dropped and scrambled is pie, and sorting it out is a chore nobody volunteers for. Printers like to say that the warning to “mind your p’s and q’s” began with apprentices confusing two letters that look alike in mirror image, though etymologists are unconvinced, and the story may simply be too good not to tell.",
    "Pick up a single sort and it is surprisingly heavy for its size: a little rectangular pillar of type metal, an alloy of lead, tin and antimony chosen because it melts easily, flows into fine details, and expands very slightly as it cools, filling every corner of the mould. The raised letter on top is the face. The groove cut across one side is the nick, which lets a compositor feel, without looking, that every letter is facing the same way. And every sort in the shop, whatever its size, is exactly the same height — in Britain and North America, 0.918 of an inch, a measurement known simply as type-high.",
    "That shared height is the quiet genius of the whole system. It means a letter cast in Philadelphia can sit beside a letter cast in Sheffield, and both will meet the paper with the same pressure. Wood type for posters, engraved ornaments, an illustration etched into a metal plate and mounted on a wooden block — as long as it is type-high, it can be locked into the same page and printed in a single pass.",
    "For most of its history, hand composition was slow, skilled and unavoidable. A good compositor might set a couple of thousand characters an hour; a daily newspaper needed many times that, every night. The first great blow came in the 1880s with machines that cast type on demand. The Linotype, operated from a keyboard, produced entire lines of type — a “line o’ type” — as single solid bars of metal, which were melted down after use. The Monotype cast individual sorts at high speed. Hand setting retreated to headlines, advertisements and small jobs.",
    "The second blow was more final. In the decades after the Second World War, offset lithography, which prints from a flat, chemically treated plate rather than raised metal, became cheaper and faster for almost everything. Phototypesetting replaced metal type with film, and then the personal computer replaced film. Within a single working lifetime, a trade that had been central to every town became a curiosity. Presses were sold for scrap by weight. Cabinets of type were melted down, dumped, or left in basements for the next owner to discover.",
    "Émile Taverner began his apprenticeship as a compositor at sixteen, in a shop that printed everything from parish newsletters to racing forms. He is retired now, and comes to Marchetti’s workshop twice a month to teach, moving between the type cabinets with the unhurried efficiency of someone who once did this for ten hours a day. He remembers the morning his employer told the staff the metal was going.",
    "“They brought in a new machine and gave us a week to clear the cases,” he says. “I took home one drawer of twelve-point. My wife thought I had gone mad. Forty years later, here it is, and here I am, teaching other people’s children how to use it.”",
    "“Nobody ever threw type away because it stopped working. They threw it away because it stopped being fast enough.”",
    "The revival did not begin with nostalgia so much as with availability. As commercial shops closed through the 1970s and 1980s, the equipment that came onto the market was cheap, and some of the people who bought it were artists, poets and book lovers rather than printers. Small private presses had existed all along, but now there was a steady supply of machinery that nobody else wanted, and a generation of retired tradespeople who could still show you how to use it.",
    "The real turning point, though, was a piece of modern technology: the photopolymer plate. A photopolymer plate is a thin sheet of light-sensitive plastic. Expose it to ultraviolet light through a film negative, wash away the unhardened parts with water, and you are left with a raised relief image that can be mounted on a base to reach exactly type-high. Suddenly a letterpress printer was no longer limited to the type in the cabinet. Anything that could be drawn or designed on a computer — a hand-lettered logo, an intricate illustration, a wedding invitation in a typeface that never existed in metal — could be printed on a hundred-year-old press.",
    "That combination turned out to have commercial appeal. Wedding stationery, business cards, greeting cards and limited-edition posters became the backbone of a small but healthy industry. For many of the newer studios, hand-set metal type is the passion, and photopolymer pays the rent.",
    "Ask a room of letterpress printers about impression and you will start a conversation that lasts longer than the workshop. Modern customers love a deep, visible dent in the paper — the bite — which you can feel with your fingertips and see as a shadow when the card is tilted toward a window. It is, for many people, the whole point: proof that the thing in their hands was pressed, not merely printed.",
    "To a traditionally trained compositor, that dent is a confession of poor craftsmanship. For centuries the goal was the kiss impression: just enough pressure to transfer the ink cleanly, leaving the back of the sheet smooth so that it could be printed on the other side. Heavy impression wore out expensive type and made a book look cheap.",
    "“In my day, if you could see the printing from the back, you did it again,” Taverner says, and then laughs, because the students in the room are at that moment admiring precisely such a dent in a thick sheet of cotton paper. The compromise most modern printers have reached is pragmatic. Deep impression is for soft, heavy papers and photopolymer plates, which do not mind the pressure. The old metal type, which can no longer be easily replaced, gets the kiss.",
    "Setting type by hand is not difficult, exactly. It is simply slow in a way that very few modern activities are slow, and it punishes distraction with great precision. Marchetti’s beginners’ class follows much the same sequence that apprentices learned a century ago:",
    "That last step is the one beginners forget to budget time for. Every letter you set is a letter you will have to put back. Returning type to the case is called distribution, and an afternoon spent on it is an excellent way to learn the layout of the case, whether you wanted to or not.",
    "Marchetti’s students discover the strange intimacy of this work quickly. Setting a single sentence of twelve-point type means handling every letter of it individually, and you become aware of words in a way you never are when typing. Long words feel long. Errors are physical. A misspelling is not a red squiggle on a screen but a small piece of metal in the wrong place, which you must pick out with tweezers and replace with the right one.",
    "“You read differently after a day at the case,” she says. “You start noticing how often a writer uses the word very, because you’ve had to pick up every one of those letters yourself.”",
    "“Every line is a small negotiation between what you want to say and the letters you actually have in the drawer.”",
    "A revival of an old craft depends on more than enthusiasm. Presses break. Rollers harden and crack. Type wears down, and the foundries that once supplied it are nearly all gone. The letterpress world is held together by a loose network of specialists whose skills are, if anything, rarer than those of the printers they serve.",
    "Søren Lindqvist repairs presses. He learned the work in his father’s machine shop, and he now spends much of the year driving between studios to rebuild platen presses whose parts have not been manufactured in generations. When a part cannot be found, he makes it. He keeps a notebook of measurements for every press he has worked on, which he describes, only half joking, as the closest thing he has to a family archive. His advice to anyone buying an old press is blunt: look at the rollers and the gears before you look at anything else, and never, under any circumstances, let a seller talk you into moving the press yourself.",
    "José Ibarra casts type. In a single-car garage lined with shelves of brass matrices, he runs two casting machines that are older than anyone who works in the building. Each matrix is a tiny mould for a single character; molten metal is forced against it, cooled in an instant, and pushed out as a finished sort. When Ibarra is working, the machine sounds like a very determined sewing machine, and a steady trickle of bright new letters gathers in the tray beside it.",
    "His most unusual holding is a set of matrices for a Hebrew typeface, rescued from a printer who had done work for local synagogues and a community newspaper. Hebrew printing is almost as old as European printing itself — Hebrew books were coming off presses in Italy by the 1470s — and because the script runs from right to left, a Hebrew compositor has to think about the stick in the opposite direction. Ibarra’s favourite word to cast is אות (ot), which means both “letter” and “sign.” “It’s a small joke,” he says. “The letter is the sign. Nobody orders it except me.”",
    "For anyone tempted to try letterpress for themselves, the printers, mechanics and founders interviewed for this piece offered remarkably consistent advice:",
    "By four o’clock, the light through the warehouse windows has turned orange and the clicking has changed pitch. The students are no longer setting type; they are putting it away. Each of them has a short stack of prints — a line of poetry, a name, in one case a single enormous ampersand in wood type — and each is learning, the hard way, the lesson Taverner gives every new class on its first morning. Every letter you set is a letter you will have to put back.",
    "It sounds like a complaint, and at first it is one. But by the end of the day most students describe it differently. There is something deeply satisfying about a process that finishes by returning everything to where it began: the drawer full again, the sorts waiting for a sentence nobody has written yet. In a world where most of what we write is stored forever, copied endlessly and rarely read twice, letterpress offers the opposite bargain. The type is temporary. The print is permanent. And the only way to get from one to the other is to pay attention to every single letter along the way.",
    "Marchetti is careful not to make grand claims for the craft. It will never be the fastest way to print anything, and she has no interest in pretending otherwise. What it offers instead is a particular kind of focus — the kind that comes from working slowly, with your hands, on something that cannot be undone with a keystroke. If you want to see what that looks like, go back and read the six steps above, then imagine doing each of them a few hundred times before lunch.",
    "“Nobody needs this,” she says, locking the warehouse door behind the last student. “That’s the best part. Everyone who comes here is here because they want to be. The press doesn’t care how busy you are. It just waits for you to get the next letter right.”",
  ],
};
export const SEED_STORIES: SeedStory[] = [
  letterpress,
  {
    id: 'the-last-keepers',
    title: 'The Last Keepers: A Year of Watches on the Rock',
    url: 'https://blog.example.com/2026/10/the-last-keepers',
    reach: 0.45,
    paragraphs: [
      'The lamp was lit half an hour before sunset, every day of the year, and the log recorded the minute it caught.',
      'A keeper’s day was measured in wicks trimmed, brass polished and weights wound back up the tower by hand, every four hours through the night.',
      'Nobody chose the rock for the company. Three men shared it for six weeks at a time, and most of what they said to each other was about the weather.',
      'When the light was automated, the last keeper left the logbook open on the desk, at a page with nothing written on it.',
    ],
  },
  {
    id: 'wild-yeast-patient-bread',
    title: 'Wild Yeast, Patient Bread',
    url: 'https://blog.example.com/2026/09/wild-yeast-patient-bread',
    reach: 0.6,
    paragraphs: [
      'A sourdough starter is a small, stable ecosystem: wild yeasts and lactic acid bacteria that have agreed, more or less, to share a jar.',
      'Temperature decides almost everything. The same starter that takes twelve hours to double in January can do it in four in August.',
      'Bakers who keep a starter for decades are not preserving the original microbes so much as the conditions that keep selecting them.',
      'The long, slow rise is not a ritual. It is the time the bacteria need to make the acids that give the bread its flavour and keep it fresh.',
    ],
  },
  {
    id: 'drawn-by-hand',
    title: 'Drawn by Hand: The Mapmakers Who Still Use Pens',
    url: 'https://blog.example.com/2026/08/drawn-by-hand',
    reach: 0.3,
    paragraphs: [
      'Every contour line on a hand-drawn map is a decision about what the land is doing between two measured points.',
      'A steel nib holds enough ink for about a hand’s width of line; the rhythm of dipping becomes the rhythm of the drawing.',
      'The best field maps are slightly wrong in ways that are useful: a path drawn wider than it is, because it is the one you should take.',
      'Nobody hires a cartographer to draw a motorway any more. They hire one to draw the walk nobody has mapped properly.',
    ],
  },
];

/** Passages readers tend to highlight, with what some of them say about it. */
export const SEED_NOTES: Record<string, Array<{ exact: string; notes: string[] }>> = {
  'letterpress-revival': [
    { exact: 'like rain on a tin roof heard from very far away', notes: ['Lovely image. I could hear the room.', 'This opening line is what made me keep reading.'] },
    { exact: 'how to make a sentence out of objects', notes: ['Best summary of typesetting I have read.', 'Could this be the headline?'] },
    { exact: 'I just keep saying yes when somebody calls.', notes: ['Ha, my father said exactly this about his lathes.'] },
    { exact: 'part stubborn argument with the speed of everything else', notes: ['This sentence is the whole piece.'] },
    { exact: 'two words that have outlived the furniture they described by several generations', notes: ['I never knew where uppercase came from. Thank you!', 'Worth a short sidebar with a photo of the two cases?'] },
    { exact: 'though etymologists are unconvinced, and the story may simply be too good not to tell', notes: ['Nice that you flag the folk etymology instead of repeating it.'] },
    { exact: '0.918 of an inch', notes: ['Is this the same in Germany? I think the Didot height differs.', 'Small thing: maybe give millimetres too (23.32 mm).'] },
    { exact: 'They brought in a new machine and gave us a week to clear the cases', notes: ['Heartbreaking and very matter-of-fact.'] },
    { exact: 'The real turning point, though, was a piece of modern technology', notes: ['Surprising twist, I expected the revival to be purely nostalgic.'] },
    { exact: 'that dent is a confession of poor craftsmanship', notes: ['The bite debate deserves its own article.', 'As a printer: both camps are right, it depends on the paper.'] },
    { exact: 'Every letter you set is a letter you will have to put back.', notes: ['True of so many things.'] },
    { exact: 'because you’ve had to pick up every one of those letters yourself', notes: ['Going to think about this every time I type very.'] },
  ],
  'wild-yeast-patient-bread': [
    { exact: 'agreed, more or less, to share a jar', notes: ['My starter and I have not agreed on anything.'] },
    { exact: 'can do it in four in August', notes: ['Useful! A chart of rise time by temperature would help.'] },
  ],
  'the-last-keepers': [
    { exact: 'at a page with nothing written on it', notes: ['That ending gave me chills.'] },
  ],
};
