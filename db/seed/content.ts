// Demo content seeded on first start: a fictional city newspaper in the fictional port city of
// Harbourton. Every name, place, organisation and number here is invented for this project.

export type DemoSection = { slug: string; name: string; description: string };
export type DemoAuthor = {
  email: string;
  name: string;
  slug: string;
  role: 'admin' | 'editor' | 'author' | 'moderator';
  bio: string;
};
export type CoverMotif = 'circles' | 'bars' | 'waves' | 'grid' | 'skyline' | 'sun';
export type DemoArticle = {
  slug: string;
  title: string;
  standfirst: string;
  body: string; // Markdown
  section: string; // a DemoSection slug
  tags: string[]; // tag display names
  authors: string[]; // DemoAuthor slugs, one or two
  hoursAgo: number; // published this many hours before seeding
  updatedHoursAgo?: number;
  corrections?: { hoursAgo: number; body: string }[];
  commentsOpen?: boolean; // default true
  cover: { alt: string; caption: string; palette: [string, string, string]; motif: CoverMotif };
};
export type DemoReply = {
  key: string;
  parent?: string;
  name: string;
  email: string;
  url?: string;
  body: string;
  status: 'approved' | 'pending' | 'spam' | 'trash';
  minutesAfterPublish: number;
};

export const demoSections: DemoSection[] = [
  {
    slug: 'news',
    name: 'News',
    description: 'What is happening in Harbourton today: transport, schools, health, the estuary and the streets we live on.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'City hall, the mayor’s office and the ward elections, reported without fear or favour.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'The port, the high street and the people who work in them: jobs, wages, shops and investment.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Theatre, music, museums, festivals and reviews from across the city and the coast.',
  },
  {
    slug: 'sport',
    name: 'Sport',
    description: 'Harbourton Athletic, the rowing clubs on the Wend and the grassroots sport that fills our weekends.',
  },
];

export const demoAuthors: DemoAuthor[] = [
  {
    email: 'admin@example.com',
    name: 'Margaret Okafor',
    slug: 'margaret-okafor',
    role: 'admin',
    bio: 'Margaret Okafor is Broadsheet’s editor-in-chief. She has reported on Harbourton for twenty years and still reviews the odd play when nobody else will.',
  },
  {
    email: 'editor@example.com',
    name: 'Daniel Whitcombe',
    slug: 'daniel-whitcombe',
    role: 'editor',
    bio: 'Daniel Whitcombe is the news editor. He previously covered courts and the estuary, and runs the newsroom’s morning meeting with a large pot of tea.',
  },
  {
    email: 'author@example.com',
    name: 'Priya Raman',
    slug: 'priya-raman',
    role: 'author',
    bio: 'Priya Raman covers city hall, housing and local elections. Tips and documents are always welcome.',
  },
  {
    email: 'moderator@example.com',
    name: 'Tom Ashdown',
    slug: 'tom-ashdown',
    role: 'moderator',
    bio: 'Tom Ashdown is Broadsheet’s community editor. He looks after the comments and reads every one of them, so you don’t have to.',
  },
  {
    email: 'isla.brennan@example.com',
    name: 'Isla Brennan',
    slug: 'isla-brennan',
    role: 'author',
    bio: 'Isla Brennan writes about business, the port and the city’s cultural life. Before joining Broadsheet she worked on a trade paper for the shipping industry.',
  },
  {
    email: 'marcus.feld@example.com',
    name: 'Marcus Feld',
    slug: 'marcus-feld',
    role: 'author',
    bio: 'Marcus Feld is Broadsheet’s sports reporter. He has followed Harbourton Athletic home and away since the club’s last relegation, which he does not like to talk about.',
  },
];

export const demoArticles: DemoArticle[] = [
  {
    slug: 'wend-ferry-to-stop-for-six-weeks-while-landing-stages-are-rebuilt',
    title: 'Wend Ferry to Stop for Six Weeks While Landing Stages Are Rebuilt',
    standfirst:
      'The crossing between Old Quay and Saltmarsh carries 4,000 people a day. From next month they will need a replacement bus, a longer journey or a great deal of patience.',
    section: 'news',
    tags: ['Transport', 'Waterfront'],
    authors: ['daniel-whitcombe'],
    hoursAgo: 2,
    cover: {
      alt: 'Abstract illustration of layered blue-grey waves under a pale sky',
      caption: 'The Wend crossing carries around 4,000 passengers on a typical weekday. Illustration: Broadsheet studio',
      palette: ['#23404f', '#6f8f9c', '#e9e1cf'],
      motif: 'waves',
    },
    body: `The Wend ferry, which has shuttled between Old Quay and Saltmarsh for more than a century, will stop running for six weeks from the start of next month while both of its landing stages are rebuilt, Harbourton Port Authority confirmed on Thursday.

The closure is the longest since the crossing was taken into public ownership in 1974. Around 4,000 passengers use the ferry on a typical weekday, according to the authority’s own counts, many of them staff and patients heading to Saltmarsh General Hospital and students at the college campus on the south bank.

A replacement bus will run every 12 minutes at peak times, crossing the river at Tollgate Bridge. The authority estimates the journey will take about 25 minutes, against six minutes on the water.

## Why now

Engineers found corrosion in the steel piles beneath the Saltmarsh pontoon during a routine dive survey last year. The authority says the structure is safe for now, but would need weight limits within two years if it were left alone, and that rebuilding both sides at once avoids a second closure later.

> “Nobody wants to take the ferry away from people, even for six weeks,” said Alun Carrick, the authority’s director of operations. “But the alternative is a crossing that slowly gets less reliable and then shuts without warning. We would rather do it once, properly, and tell everyone well in advance.”

The new stages will have level boarding, which the authority says will end the steep ramp that wheelchair users and parents with buggies have complained about for years. A covered waiting area with seating and live departure boards is also planned on the Old Quay side.

## What passengers need to know

- The last sailing before the closure leaves Old Quay at 19:40 on the Sunday before work begins.
- Replacement buses, numbered **F1**, will run from Quay Street to Saltmarsh General, 06:30 to 20:00 Monday to Saturday and hourly on Sundays.
- Ferry season tickets will be accepted on the F1, and will be extended by six weeks at no cost.
- Cyclists can use the Tollgate Bridge cycle lane; temporary bike racks are being added at the hospital.

Full timetables are published on the [port authority’s travel page](https://example.org/harbourton-ferry-closure).

## Hospital staff worried about early shifts

The sharpest concern has come from staff at Saltmarsh General, where early shifts start at 07:00. Several nurses told *Broadsheet* that the replacement bus would force them to leave home half an hour earlier, and that the Tollgate junction is routinely jammed between half past seven and half past eight.

Beverley Hinds, who represents nursing staff at the hospital for the Harbourton Health Workers’ Union, said the union had asked the hospital trust to consider flexible start times for the duration of the works.

“We’re not blaming the port authority for fixing a pier,” she said. “We just want someone to think about the people who have to be on a ward at seven.”

The trust said it was “looking at options”, including a staff minibus from the Old Quay car park.

Councillor Neil Ferris, who chairs the city’s transport committee, said he would ask for the F1 to be given priority at the Tollgate traffic lights while the ferry is out of action. “Six weeks is a long time if you’re standing at a bus stop in the rain,” he said.

The authority expects the ferry to reopen six weeks after it closes, weather permitting. A reduced timetable may run for the first few days while crews train on the new stages.`,
  },
  {
    slug: 'council-votes-to-cap-short-term-lets-in-old-quay-and-ropewalk',
    title: 'Council Votes to Cap Short-Term Lets in Old Quay and Ropewalk',
    standfirst: 'Whole-home holiday lets will be limited to 90 nights a year after a late-night vote that split the chamber and packed the public gallery.',
    section: 'politics',
    tags: ['Housing', 'City Council', 'Waterfront'],
    authors: ['priya-raman'],
    hoursAgo: 9,
    cover: {
      alt: 'Abstract illustration of a terrace of narrow harbourside houses at dusk, with a few lit windows',
      caption: 'Close to one in six homes in Old Quay is now let mainly to visitors, according to council officers. Illustration: Broadsheet studio',
      palette: ['#3b3230', '#8a7261', '#efe6d6'],
      motif: 'skyline',
    },
    body: `Harbourton City Council voted 7–4 late on Tuesday to cap whole-home short-term lets in Old Quay and Ropewalk at 90 nights a year, the first such limit in the city and one of the firmest anywhere outside the largest cities.

The cap applies from the start of the next financial year. Anyone letting a property for stays of under 28 days anywhere in Harbourton will also have to register with the council, pay an annual fee of £250 and display a registration number on every listing.

The vote came after almost four hours of debate in front of a public gallery that was full by the time the meeting opened at six o’clock. Officers had to open an overflow room with a video link, and several residents watched from the corridor.

## What the council decided

- **A 90-night cap** on whole-home short-term lets in the Old Quay and Ropewalk wards, counted per property per year.
- **Registration for everyone** letting short-term anywhere in the city, including people renting out a spare room.
- **An exemption from the cap** for rooms let within the host’s own main home.
- **Two new enforcement officers**, paid for from registration fees, with fines of up to £5,000 for unregistered listings.
- **A review after 18 months**, with the data published in full.

## The numbers behind it

A report by council officers found 412 whole homes listed for short stays in the two wards last summer, up from about 140 five years earlier. Old Quay has roughly 2,300 homes in total, meaning close to one in six is now let mainly to visitors. Over the same period the median advertised rent for a two-bedroom flat in the ward rose by 31 per cent, against 18 per cent across the city as a whole.

Councillor Rhiannon Tate, the cabinet member for housing, who proposed the cap, said the figures showed a neighbourhood “being hollowed out one key-safe at a time”.

> “People who grew up on these streets are being told there is nothing for them to rent within a mile of where their parents live,” she told the chamber. “This is not about punishing anybody. It is about deciding that homes are for living in first.”

## Opponents warn of empty cafés

Opponents argued that the cap would hurt small businesses that depend on visitors, and that the council had underestimated how many of the listed homes would simply sit empty rather than return to the rental market.

Councillor Graham Pettifer, who leads the opposition group, called the policy “a blunt instrument aimed at a complicated problem”. He pointed to the officers’ own admission that they could not say how many of the 412 homes would come back as long-term rentals, and said the council should have tried registration on its own first.

The Old Quay Traders’ Association, which represents around 60 shops, cafés and pubs, said in a statement that it supported “more homes for local people” but feared a fall in trade over the quieter winter months.

Owners who spoke at the meeting mostly described themselves as small operators. One, who lets a single flat she inherited from her mother, told councillors the income paid her own rent. “I am not a hotel chain,” she said. “I am a teaching assistant with a second flat I cannot afford to sell.”

## What happens next

Registration opens in about three months through the council’s website, and officers say listings will be checked against the main booking platforms every quarter. Hosts who want to keep letting a whole home for more than 90 nights can apply for planning permission to change its use, though the council has said such applications in the two wards are *unlikely to be supported*.

The officers’ report and the amended motion are available on the [council’s meetings page](https://example.org/harbourton-council/short-lets). *Broadsheet* will follow how the cap works over its first year. If you are a host, a tenant or a neighbour affected by the change, we would like to hear from you.`,
  },
  {
    slug: 'fore-streets-last-independent-bookshop-finds-a-buyer',
    title: 'Fore Street’s Last Independent Bookshop Finds a Buyer',
    standfirst:
      'After 38 years, the owners of Tideline Books had given themselves until the end of the month. A former customer, now a schoolteacher, has stepped in.',
    section: 'business',
    tags: ['Small Business', 'Community'],
    authors: ['isla-brennan'],
    hoursAgo: 20,
    cover: {
      alt: 'Abstract illustration of book spines of different heights in warm browns and cream',
      caption: 'Tideline Books has traded on Fore Street since 1987. Illustration: Broadsheet studio',
      palette: ['#4a3b2a', '#9c7b55', '#f1e7d3'],
      motif: 'bars',
    },
    body: `Tideline Books, the narrow shop on Fore Street that has sold new and second-hand books since 1987, has been bought by a former customer and will stay open, its owners announced on Wednesday.

Maureen and Keith Aldous said earlier this year that they would close at the end of this month if no buyer came forward. They are retiring after 38 years behind the counter. The new owner, Nadia Costa, teaches English at Castle Hill Academy and says she spent most of her childhood pocket money in the shop’s children’s corner.

> “I remember the smell of the place before I remember any particular book,” Ms Costa said. “When I read that it was closing, I did the sums on the back of an envelope, then on a spreadsheet, then with an accountant. It kept coming out as *just about possible*.”

The price was not disclosed. Ms Costa said the purchase was funded by her savings, a small-business loan and around £18,000 raised from 240 customers who bought “founder cards”: vouchers worth a little more than their price, to be spent over three years.

## A hard street for shops

The sale is a rare piece of good news for Fore Street, where eleven of the 46 ground-floor units stand empty, according to a count by the Harbourton Town Centre Partnership. Footfall on the street is still about 15 per cent below where it was a decade ago, though it has recovered slowly since the multi-storey car park on Bridge Road reopened.

Independent bookshops have done better than many shops in recent years, helped by author events, school orders and customers who make a point of buying locally. But margins remain thin. Mr Aldous said the shop made “enough to live on, in a good year, if you don’t count your own hours”.

## What will change

Ms Costa plans to keep the shop’s name, its two part-time staff and the second-hand room at the back. She will cut her teaching to three days a week for at least the first year. The changes she has in mind include:

- a reading group for teenagers on Thursday evenings;
- a weekly storytime for under-fives, which the shop last ran several years ago;
- a small café counter in what is now the stock room;
- supplying books to local schools, which she calls “the unglamorous part that pays the bills”.

She is also applying for the council’s [small shops rate relief](https://example.org/harbourton/business-rates-relief), which she says would make the difference between a thin profit and a small loss in the first year.

## “Good hands”

For the Aldouses, the sale ends months of uncertainty. Mrs Aldous said they had two other approaches: one from a chain that wanted the lease but not the shop, and one from a developer interested in turning the upper floors into flats.

“We’d have taken the money if we had to,” she said. “But we didn’t have to, and it’s going to someone who used to sit on the floor in the corner reading picture books about lighthouses until her dad came to fetch her. That feels right.”

The handover is planned for the first week of next month. The shop will close for two days for a stocktake and reopen under its new owner on the Saturday with, Ms Costa promised, “cake, and absolutely no speeches”.`,
  },
  {
    slug: 'athletic-snatch-late-draw-at-kingsmere-to-stay-in-the-play-off-places',
    title: 'Athletic Snatch Late Draw at Kingsmere to Stay in the Play-Off Places',
    standfirst: 'Two goals down at half-time, Harbourton Athletic needed a stoppage-time header from their captain to take a point home.',
    section: 'sport',
    tags: ['Football', 'Harbourton Athletic'],
    authors: ['marcus-feld'],
    hoursAgo: 30,
    cover: {
      alt: 'Abstract illustration of a floodlit pitch rendered as a grid of green and cream squares',
      caption: 'Athletic’s travelling supporters found their voices again after the break. Illustration: Broadsheet studio',
      palette: ['#23372c', '#6b8a6f', '#ece6d4'],
      motif: 'grid',
    },
    body: `**Kingsmere Town 2 Harbourton Athletic 2**

For 45 minutes at Riverside Park on Saturday, Harbourton Athletic looked like a side whose promotion push had run out of road. For the next 48 they looked like the team that spent most of the season near the top of the table, and in the third minute of stoppage time Callum Reid rose above two defenders to head the equaliser that keeps them in the play-off places.

The point leaves Athletic fifth, one ahead of Kingsmere, with eleven games to play. It was, their manager Dele Adeyemi admitted afterwards, “a point we had no right to and every right to, depending on which half you watched”.

## A first half to forget

Kingsmere were quicker to everything from the opening whistle. Their first goal came after nine minutes, when Athletic failed to clear a corner and Jordan Price swept the loose ball in from the edge of the six-yard box. The second, on the half-hour, was worse: a square pass from centre-back Tomasz Wolak was intercepted by Price, who ran 30 yards unchallenged and rolled the ball past Sam Okoro.

Athletic managed one shot in the half, a speculative effort from Reid that cleared the crossbar and very nearly the stand behind it. The 600 or so travelling supporters, packed into the away end along the river, were quiet by the break. A few were not quiet at all.

## The changes that changed it

Adeyemi made two substitutions at half-time, bringing on the 19-year-old winger Ellis Mwangi and switching to a back three. The effect was immediate. Mwangi’s pace on the left pinned Kingsmere’s full-back deep, and Athletic began to win the ball in the middle of the pitch rather than on the edge of their own area.

> “I told them at half-time I wasn’t angry, which was a lie,” Adeyemi said. “But the shape was wrong, and that’s on me. Once Ellis went on they had to worry about him, and we could play.”

The first goal came on 61 minutes. Mwangi beat his man on the outside and cut the ball back for Harry Dunmore, whose shot took a deflection and looped over the goalkeeper. From then on Kingsmere barely left their own half, though their goalkeeper, Liam Ostrowski, made two fine saves from Dunmore and the substitute Kofi Boateng.

The equaliser, when it finally came, was a very Athletic goal: a deep free-kick from Dunmore, and Reid, the club captain and tallest outfield player, arriving late at the far post. It was his ninth goal of the season and his fourth header.

## Player ratings, briefly

- **Okoro**: no chance with either goal. 6
- **Wolak**: a mistake he will replay all week, then steady. 5
- **Reid**: quiet for an hour, decisive when it counted. 8
- **Dunmore**: the creative heartbeat after the break. 8
- **Mwangi**: changed the game. Surely starts next week. 8

## What’s next

Athletic host the leaders, Norbridge Rovers, at the Quayside Ground next Saturday, a game already sold out in the home sections. Adeyemi said Mwangi had “earned the right to be in the conversation” for a start, but would not be drawn further.

Reid, asked whether he had been worried at half-time, smiled. “Worried? We were two down away from home. I’d have been worried if I *wasn’t* worried.”

Full match statistics are on the [club’s website](https://example.org/harbourton-athletic/matches).`,
  },
  {
    slug: 'lantern-night-returns-to-the-ropewalk-after-a-five-year-gap',
    title: 'Lantern Night Returns to the Ropewalk After a Five-Year Gap',
    standfirst:
      'Organisers hope 8,000 people will follow a mile-long procession of paper lanterns made in schools, care homes and community halls across the city.',
    section: 'culture',
    tags: ['Arts', 'Community', 'Schools'],
    authors: ['isla-brennan'],
    hoursAgo: 44,
    cover: {
      alt: 'Abstract illustration of glowing paper lanterns as soft ochre circles against an indigo evening sky',
      caption: 'Lanterns for this year’s procession have been made in 40 places across Harbourton. Illustration: Broadsheet studio',
      palette: ['#2b2d42', '#74667a', '#e9d8a6'],
      motif: 'circles',
    },
    body: `For most of the two decades before the pandemic, one Saturday every autumn meant one thing along the Ropewalk: thousands of paper lanterns bobbing down the long, straight street towards the water, and a crowd that grew bigger every year.

Lantern Night stopped in 2020 and never came back. Its organising charity folded, its volunteers scattered, and the old sail loft where the lanterns were built was let to a furniture maker.

This year it returns. A new group, Ropewalk Lights, has raised £42,000 from the city’s arts fund, local businesses and a crowdfunding appeal, and says the procession will go ahead later this month, starting at dusk.

## Built by hand, in 40 places

The biggest change is where the lanterns are made. Rather than a single workshop, the organisers have run sessions in 40 places across Harbourton: primary schools, two care homes, the central library, a mosque, a youth club in Northfield and the city’s prison.

Each lantern is made from willow, tissue paper and glue, and lit by a battery light rather than a candle, a change the organisers say was demanded by their insurers and warmly welcomed by the fire service.

> “The old Lantern Night belonged to the Ropewalk,” said Aisha Farouk, one of the group’s three co-directors and a volunteer at the original event. “We loved that, but it meant a lot of the city watched from the pavement. This time we wanted a lantern to come from every part of Harbourton, and for the people who made them to walk with them.”

At a workshop at St Bride’s Primary last week, a class of eight-year-olds were building a two-metre herring, its silver tissue scales pasted on one at a time. Their teacher said the children had voted for the fish after a lesson on the city’s history as a herring port. It narrowly beat a dinosaur.

## The route

The procession will gather at Northgate Park from 5pm and set off at 6pm. It will follow:

1. Northgate Road to the top of the Ropewalk;
2. the full length of the Ropewalk, which will be closed to traffic from 4pm;
3. across Chandlers’ Square, where the Harbourton Silver Band will play;
4. down to the Old Quay harbour wall, where the lanterns will be gathered for a final display.

Roads in the area will be closed from 4pm until 9pm, and buses will divert via Castle Hill. Full details, including step-free viewing areas and a quiet zone for people who find crowds difficult, are on the [Ropewalk Lights website](https://example.org/ropewalk-lights).

## An old tradition, or a new one

Lantern Night was not, despite what many residents believe, an ancient custom. It began in 1998 as a one-off, a project by an art teacher and a group of sixth-formers to mark the closure of the last rope works in the city. It became a tradition almost by accident.

Ms Farouk says that is part of its appeal. “People ask whether we’re reviving something historic. I tell them we’re reviving something that was made up by a few teenagers, and that’s much more exciting. It means we’re allowed to make it up again.”

The organisers are still looking for about 150 volunteer stewards. Anyone over 18 can sign up, and the training takes an hour. *Broadsheet* will publish photographs from the night.`,
  },
  {
    slug: 'millbrook-primary-pupils-moved-to-temporary-classrooms-after-roof-survey',
    title: 'Millbrook Primary Pupils Moved to Temporary Classrooms After Roof Survey',
    standfirst:
      'Six classes will be taught in portable buildings on the playing field for at least a term after engineers found weakened beams above the school hall.',
    section: 'news',
    tags: ['Schools', 'City Council', 'Budget'],
    authors: ['daniel-whitcombe'],
    hoursAgo: 60,
    updatedHoursAgo: 50,
    corrections: [
      {
        hoursAgo: 50,
        body: 'An earlier version of this article said that 240 pupils were affected. The correct figure is about 180, in six classes. We apologise for the error.',
      },
    ],
    cover: {
      alt: 'Abstract illustration of a school building as a grid of sage-green and cream window panes',
      caption: 'Millbrook Primary’s 1960s wing will stay closed while the council decides how to repair its roof. Illustration: Broadsheet studio',
      palette: ['#2f3e46', '#7f9c86', '#f0ece2'],
      motif: 'grid',
    },
    body: `About 180 pupils at Millbrook Primary School will be taught in temporary classrooms on the school’s playing field for at least the rest of the term, after a structural survey found weakened roof beams above the main hall and six classrooms.

The school closed for two days this week while the affected rooms were cleared. Parents were told by letter on Monday evening, and the portable buildings were lifted into place by crane on Wednesday morning, watched by a small crowd of children pressed against the playground fence.

Harbourton City Council, which owns the building, said there was “no immediate danger” but that it had followed the engineers’ advice not to use the rooms until the beams had been strengthened or replaced.

## What the survey found

The school’s 1960s wing was built with timber roof beams joined by steel plates. The survey, part of a programme of checks across the council’s older schools, found that water getting in through a failing flat roof had rotted the timber around several of those joints.

> “This is exactly the kind of thing the inspection programme is there to find,” said Councillor Joan Whitlock, the cabinet member for children and education. “It is frustrating for families, and I understand that. But I would much rather be explaining a portable classroom than something worse.”

The council has not said how much the repairs will cost or how long they will take. An officers’ note seen by *Broadsheet* puts the work at between £600,000 and £1.1 million, depending on whether the roof can be repaired or has to be replaced entirely.

## Parents: “We’ve been asking for years”

Several parents said they were not surprised. The school’s parent-teacher association has raised concerns about leaks in the hall for at least four years, and buckets under the ceiling have become, as one father put it, “part of the furniture at the nativity play”.

Leanne Croft, who chairs the association, said families were grateful the school had acted quickly but wanted to know why the roof had been allowed to deteriorate.

“Every winter we’d report the leaks and every winter somebody would come and patch them,” she said. “We were told there wasn’t the money for a new roof. Well, now there’s going to have to be.”

The council’s capital budget for school maintenance has fallen by about a third in real terms over the past decade, according to its own [asset management plan](https://example.org/harbourton/schools-asset-plan). Officers estimate a backlog of around £14 million of repairs across the city’s 38 council-maintained schools.

## Other schools checked

The council said surveys at 12 other schools built in the same period had been completed and none had found the same problem. A further nine are due to be surveyed by the end of the school year, and the results will be published.

Millbrook’s headteacher, Helen Sayer, told parents in her letter that the portable classrooms were “warm, dry and, frankly, better lit than some of the rooms we’ve left”. Until the hall reopens:

- lunches will be served in classrooms, in staggered sittings;
- PE lessons will move to Millbrook Leisure Centre, a five-minute walk away;
- the spring concert will be held at St Michael’s Church on Mill Lane.

“The children have taken it in their stride,” Mrs Sayer wrote. “Some of them seem to think it’s an adventure. We will do our best to keep it that way.”`,
  },
  {
    slug: 'port-bets-on-offshore-wind-with-a-new-60m-assembly-quay',
    title: 'Port Bets on Offshore Wind With a New £60m Assembly Quay',
    standfirst:
      'Harbourton Port Authority says the quay could bring 400 permanent jobs. Fishermen and birdwatchers want to know what it means for the estuary.',
    section: 'business',
    tags: ['Jobs', 'Waterfront', 'Environment'],
    authors: ['isla-brennan'],
    hoursAgo: 80,
    updatedHoursAgo: 72,
    cover: {
      alt: 'Abstract illustration of a low sun over the estuary, drawn in navy, steel blue and sand',
      caption: 'The proposed quay would sit at Gull Point, on the south side of the estuary. Illustration: Broadsheet studio',
      palette: ['#1d3557', '#5f7f9e', '#f1e3c6'],
      motif: 'sun',
    },
    body: `Harbourton Port Authority plans to build a £60 million quay on the south side of the estuary where turbines for offshore wind farms would be assembled before being towed out to sea, in what it calls the biggest investment in the docks for half a century.

The authority says the project could create around 400 permanent jobs, as well as several hundred during construction, and would bring back the kind of heavy engineering work that largely left the city in the 1980s.

A planning application is expected within weeks. If it is approved, construction would begin next year and the quay would open about two years later.

## What would be built

The plans, shown to *Broadsheet* ahead of a public exhibition, include:

- a 450-metre heavy-load quay on reclaimed land at Gull Point, strong enough to take turbine towers and blades;
- a 20-hectare storage area for components waiting to be assembled;
- dredging of the approach channel to allow larger vessels into the port;
- an engineering training centre, run jointly with Harbourton College.

The authority’s chief executive, Robert Marchetti, said the port had been approached by two developers holding licences for wind farms off this stretch of coast.

> “Every turbine that goes up off this coast is currently being put together somewhere else and sailed past our front door,” Mr Marchetti said. “We have the deep water, we have the land and we have the people. What we haven’t had is the quay.”

## Who pays

Around half the cost would come from the authority’s own borrowing, with the rest from a government port infrastructure grant and contributions from the developers. The authority says it has letters of intent but no signed contracts, and acknowledges that the project would be at risk if the wind farms themselves were delayed.

## Concerns on the estuary

Gull Point sits beside a mudflat used by thousands of wading birds in winter, and lies within a protected area. The Harbourton Estuary Trust said it was “not opposed in principle” but wanted to see the full environmental assessment before taking a view. Its director, Dr Ingrid Solberg, said dredging was the biggest worry.

> “Mudflats are not empty space,” she said. “They are where the birds feed. If you change the way the water moves across them, you can lose a habitat without ever touching it.”

The city’s small inshore fishing fleet, about 20 boats, is also wary. Its spokesman, Danny Colquhoun, said fishermen had been promised work and compensation during previous dredging “and got neither”.

The authority says it will pay for a three-year monitoring programme on the mudflats and create replacement habitat further upstream if the assessment finds it is needed.

## The jobs question

The mayor, Angela Morrow, welcomed the plans, calling them “the kind of investment Harbourton has waited a generation for”. The city’s unemployment rate has fallen recently but its wages still lag behind the region, as *Broadsheet* reported in its [analysis of the latest jobs figures](/articles/harbourtons-jobless-rate-falls-but-wages-still-trail-the-region).

Union officials said they would push for the new jobs to be directly employed and paid at least the rates agreed for the port’s existing engineering staff. Harbourton College said it was already planning courses in rope access, blade repair and marine electrics, and expected the first students to start before the quay itself was finished.`,
  },
  {
    slug: 'mayors-draft-budget-spares-libraries-but-raises-parking-charges',
    title: 'Mayor’s Draft Budget Spares Libraries but Raises Parking Charges',
    standfirst:
      'The council must close a £9.4m gap next year. Its proposals protect the city’s eight branch libraries and put more of the burden on drivers, fees and reserves.',
    section: 'politics',
    tags: ['Budget', 'City Council', 'Transport'],
    authors: ['priya-raman'],
    hoursAgo: 110,
    updatedHoursAgo: 96,
    cover: {
      alt: 'Abstract illustration of a bar chart in slate blue and parchment tones',
      caption: 'Adult and children’s social care now takes nearly 60 per cent of the council’s spending. Illustration: Broadsheet studio',
      palette: ['#3d405b', '#7d8299', '#f4efe6'],
      motif: 'bars',
    },
    body: `Harbourton’s mayor, Angela Morrow, has published a draft budget that keeps all eight of the city’s branch libraries open, raises parking charges by up to 40 per cent and draws £3 million from reserves to close a gap of £9.4 million in next year’s accounts.

Council tax would rise by 4.99 per cent, the most allowed without a local referendum, adding about £1.60 a week to the bill for a typical band C home.

The proposals now go out for six weeks of public consultation before a final vote by the full council.

## Where the money comes from

The draft closes the gap with a mix of savings, charges and one-off measures:

1. **Parking**: higher charges in council car parks and on-street bays, raising an extra £1.8m a year. An hour in the Bridge Road multi-storey would go from £1.50 to £2.10.
2. **Reserves**: £3m from the council’s general reserve, which would fall to about £11m.
3. **Back-office savings**: £2.1m, largely from merging IT contracts and leaving 40 vacant posts unfilled.
4. **Fees and charges**: £1.2m from increases to garden waste collection, pest control and room hire.
5. **Council tax**: the remaining £1.3m, from the part of the rise above what the council’s forecasts had already assumed.

## Libraries spared

Last year’s budget consultation proposed closing three branch libraries, in Northfield, Eastgate and Saltmarsh. The plan drew more than 6,000 responses and a petition with 11,000 signatures, and was dropped before the final vote.

The mayor said the libraries would now be protected “for the life of this administration”.

> “Libraries are where people go when they have nowhere else: to get warm, to print a form, to look for a job, to read to their children,” Ms Morrow said. “I am not prepared to close them to save a sum that would be gone in a week of adult social care.”

## Drivers and traders unhappy

The parking increases have drawn criticism from businesses in the city centre, who say higher charges will push shoppers towards the out-of-town retail park at Tollgate, where parking is free.

“We are trying to get people back onto Fore Street,” said Joanna Bright, who chairs the Harbourton Town Centre Partnership. “Charging them more to come here is not the way to do it.”

The opposition leader, Councillor Graham Pettifer, called the use of reserves “a sticking plaster”. “The gap doesn’t go away next year,” he said. “It comes back bigger, and there is £3m less in the bank to deal with it.”

The mayor’s office said the parking income would be “ring-fenced for transport”, including bus shelters and the cycle network, and that the first 30 minutes in district shopping parades would remain free.

## The pressure underneath

Nearly 60 per cent of the council’s spending now goes on social care for adults and children, up from about 45 per cent a decade ago. The budget papers warn that demand is rising faster than funding, and that the council faces a further gap of around £14m over the following two years unless national funding changes.

Residents can respond through the [budget consultation page](https://example.org/harbourton/budget-consultation) or at drop-in sessions, to be held in each of the eight libraries the budget sets out to save.`,
  },
  {
    slug: 'review-the-harbourton-players-find-fresh-laughs-in-an-old-farce',
    title: 'Review: The Harbourton Players Find Fresh Laughs in an Old Farce',
    standfirst:
      'A creaky Edwardian comedy of mistaken identities gets a sharp, funny update at the Corn Exchange. Not every door slams on cue, but most of them do.',
    section: 'culture',
    tags: ['Arts', 'Community'],
    authors: ['margaret-okafor'],
    hoursAgo: 140,
    cover: {
      alt: 'Abstract illustration of a hotel corridor of doors as a grid of burgundy and cream panels',
      caption: 'The Bellevue Affair plays at the Corn Exchange until Saturday. Illustration: Broadsheet studio',
      palette: ['#5a2e2e', '#a0776a', '#f3e9dc'],
      motif: 'grid',
    },
    body: `*The Bellevue Affair*, by Arthur Pennington, adapted by Joel Amankwah. Corn Exchange, Harbourton, until Saturday. ★★★★☆

There is a moment in the second act of *The Bellevue Affair* when four people are hiding in three wardrobes, a bishop is asleep in the bath and the hotel manager is trying to explain to a police inspector why the honeymoon suite contains two brides. The audience at the Corn Exchange on Wednesday was laughing so hard that the next three lines disappeared entirely. Nobody seemed to mind.

Pennington’s farce was a hit in 1908 and has been a favourite of amateur companies ever since, largely because it needs a great many doors and very little subtlety. The Harbourton Players, now in their 91st season, last staged it in 1987. This version, adapted by the company’s artistic director, moves the action from an Edwardian seaside hotel to a slightly shabby boutique hotel on the Harbourton waterfront, some time around now.

## An update that earns its laughs

Updating an old farce is riskier than it looks. The machinery depends on people not being able to find out who is in the next room, which a mobile phone rather spoils. Amankwah’s solution is elegant: the hotel has no signal, a fact its manager insists is “a wellness feature”, and the guests spend the evening waving their phones at windows like divining rods.

Some of the new jokes are very local. A running gag about the traffic at Tollgate roundabout got a knowing groan, and a reference to the seagulls of Old Quay got a round of applause. But most of the comedy is still Pennington’s, and it holds up far better than it has any right to.

> “I have been married for eleven years, Inspector, and I assure you I would know my own wife in any wardrobe in England.”

That line, delivered with glorious indignation by Derek Fenwick as the hapless Mr Pomfrey, is word for word from 1908. It still brought the house down.

## The cast

Fenwick, a Players regular for three decades, is the evening’s anchor, a man whose dignity deflates by degrees until he is hiding under a room-service trolley in his socks. Priyanka Dass is superb as the manager, Mrs Gale, who tells increasingly desperate lies with the calm of someone reading out the specials. And Femi Adebola, making his stage debut at 19 as a night porter who never quite understands what is going on, steals every scene he wanders into.

Not everything lands. The first act takes a while to find its rhythm, and on opening night one door declined to slam and another declined to open, which led to an improvised moment arguably funnier than the script. The set, a revolving two-storey hotel corridor built by the company’s volunteers over four months, is ambitious and mostly works, though it creaks audibly whenever it turns.

## Worth the ticket

Amateur theatre in Harbourton has had a difficult decade: two companies have folded, and the Corn Exchange itself came close to closing. *The Bellevue Affair* is a reminder of what the city would lose. It is generous, silly, beautifully timed at its best, and performed by people who are plainly having the time of their lives.

- **Where:** the Corn Exchange, Market Place
- **When:** nightly at 7.30pm until Saturday, plus a 2.30pm Saturday matinee
- **Tickets:** £14, concessions £10, from the [box office](https://example.org/corn-exchange/tickets)
- **Running time:** about two hours and ten minutes, including an interval

Take someone who needs cheering up.`,
  },
  {
    slug: 'record-entry-for-the-wend-head-race-as-crews-battle-a-stiff-headwind',
    title: 'Record Entry for the Wend Head Race as Crews Battle a Stiff Headwind',
    standfirst: 'More than 320 crews raced the four-mile course from Tollgate to the Old Quay. The wind made it slow. Nobody seemed to mind.',
    section: 'sport',
    tags: ['Waterfront', 'Community'],
    authors: ['marcus-feld'],
    hoursAgo: 170,
    cover: {
      alt: 'Abstract illustration of choppy river water in teal and grey-green bands',
      caption: 'The long straight below Saltmarsh is where the wind does its work. Illustration: Broadsheet studio',
      palette: ['#264653', '#6f9393', '#eae2d0'],
      motif: 'waves',
    },
    body: `More than 320 crews from across the region raced the Wend Head on Sunday, the largest entry in the event’s 74-year history, on a morning when a stiff south-westerly turned the four-mile course from Tollgate to the Old Quay into a test of endurance as much as speed.

The fastest time of the day was set by Harbourton Rowing Club’s men’s eight, who covered the course in 19 minutes 42 seconds. That was more than a minute outside the course record, but 11 seconds quicker than their nearest challengers from Kingsmere. In the women’s eights, Harbourton University won by a comfortable 23 seconds.

## A course that bites back

Head races are processional: crews set off one at a time, about 15 seconds apart, and race the clock rather than each other. On the Wend, the difficulty is the long straight below Saltmarsh, where the river widens and the wind coming in off the sea has room to build up short, steep waves.

> “You come round the bend at Saltmarsh and it’s like rowing into a wall,” said Chloe Abara, who stroked the winning university crew. “Everyone told us it would happen, and it still shocked us. After that it’s just about who wants it more.”

Organisers briefly considered shortening the course after two junior quads were swamped near the hospital pontoon. Both crews were picked up by safety launches within a minute and nobody was hurt. After consulting the umpires, the organisers decided that conditions were within safe limits and racing continued, with later crews warned to keep closer to the north bank.

## Why the numbers keep growing

The entry has grown by almost half in five years. Geoff Hollins, the race secretary, put the increase down to new junior programmes, a boom in masters rowing and the city’s adaptive rowing scheme. This year’s entry included:

- 58 junior crews, up from 21 five years ago;
- 94 masters crews, including a women’s eight from Harbourton Rowing Club whose rowers are all over sixty;
- 11 crews from the adaptive rowing programme, the most yet;
- the first ever entry from the new community boat club at Northfield, which was founded last year in a borrowed shipping container.

“Rowing has an image problem,” Mr Hollins said. “People think it’s all blazers and boarding schools. Then they come down to the Wend on a Sunday and see a crew of grandmothers overtaking a crew of students, and the image changes quite quickly.”

## Pick of the results

- **Men’s eights:** Harbourton RC, 19:42
- **Women’s eights:** Harbourton University, 21:08
- **Junior quads:** Castle Hill Academy, 22:15
- **Masters women’s eights:** Harbourton RC, 23:37

Spare a thought for the Northfield crew, who finished 301st, cheered the whole length of the Old Quay by what sounded like half of their estate. “We weren’t last,” said their coach, Sandra Kowalczyk. “We’re taking that.”

Full results are on the [Wend Head website](https://example.org/wend-head/results).`,
  },
  {
    slug: 'swimming-warning-lifted-at-sandy-cove-after-three-weeks',
    title: 'Swimming Warning Lifted at Sandy Cove After Three Weeks',
    standfirst:
      'Water tests are back within safe limits, but swimmers and campaigners say the city still does not know why sewage spilled into the bay so often.',
    section: 'news',
    tags: ['Environment', 'Waterfront'],
    authors: ['daniel-whitcombe'],
    hoursAgo: 220,
    corrections: [
      {
        hoursAgo: 200,
        body: 'An earlier version of this article said Harbourton Water had been fined over the discharges at Cove Road. It has not been fined; the regulator’s investigation is continuing.',
      },
    ],
    cover: {
      alt: 'Abstract illustration of a pale sun over a calm bay in dusky blues',
      caption: 'Sandy Cove is used by swimmers all year round. Illustration: Broadsheet studio',
      palette: ['#33415c', '#8397ad', '#efe4cf'],
      motif: 'sun',
    },
    body: `Swimmers can return to the water at Sandy Cove after the city council lifted a three-week advisory against bathing, following five consecutive days of samples within safe limits.

The warning was put in place after routine tests found high levels of *E. coli* and intestinal enterococci, bacteria that indicate sewage pollution. Signs went up at every entrance to the beach, and the cove’s volunteer lifeguards spent three weekends advising people to stay out of the water.

## What went wrong

Harbourton Water confirmed that its storm overflow at Cove Road had discharged into the bay on 14 occasions in the month before the warning, for a total of more than 90 hours. Storm overflows are designed to release diluted sewage during exceptional rainfall, to stop it backing up into homes and streets.

The company said the rainfall over that period had been “well above average” and that the overflow had operated “as designed”. It said it would spend £2.3 million over the next two years on extra storage at the Cove Road pumping station, which should reduce the number of spills.

Campaigners are not convinced. Local volunteers who monitor the outfall with their own sensors say the overflow also operated on at least three days when there was little or no rain. The environmental regulator has opened an investigation. The company has not been fined.

## Swimmers relieved, and wary

Sandy Cove is used all year round by a group of sea swimmers known as the Cove Dippers, who now number more than 300. Their organiser, Margo Fielding, said members were relieved but frustrated.

> “We’re delighted to be back in the water, of course,” she said. “But we’ve been here before, and we’ll be here again unless somebody fixes the pipe. Three weeks of signs on the beach doesn’t fix anything. It just tells you that something is broken.”

Several members said they had suffered stomach upsets after swimming in the days before the warning went up, though it is not possible to say whether those were caused by the water.

## What the council advises

The council’s public health team says the water is now safe for bathing, but recommends that swimmers:

- check the daily [water quality map](https://example.org/harbourton/bathing-water) before going in;
- avoid swimming for 48 hours after heavy rain, especially near the outfall at the north end of the cove;
- cover cuts and grazes, and try not to swallow sea water;
- wash hands before eating after a swim.

Councillor Priti Nandra, who speaks for the council on the environment, said the council would ask the water company to publish spill data for Cove Road in real time. “People should not have to rely on volunteers with sensors to find out what is going into the sea,” she said.

Harbourton Water said it was “happy to discuss” the request and already published annual figures for every overflow it operates.`,
  },
  {
    slug: 'eastgate-by-election-four-candidates-and-one-question-about-buses',
    title: 'Eastgate By-Election: Four Candidates and One Question About Buses',
    standfirst: 'Voters in Eastgate choose a new councillor on Thursday. On the doorstep, almost every conversation comes back to the number 7 bus.',
    section: 'politics',
    tags: ['City Council', 'Transport', 'Housing'],
    authors: ['priya-raman', 'daniel-whitcombe'],
    hoursAgo: 290,
    commentsOpen: false,
    cover: {
      alt: 'Abstract illustration of a row of terraced houses and tower blocks in muted grey and stone',
      caption: 'Eastgate has the lowest car ownership of any ward in Harbourton. Illustration: Broadsheet studio',
      palette: ['#2e3a3f', '#77878a', '#ede6d8'],
      motif: 'skyline',
    },
    body: `Voters in Eastgate go to the polls on Thursday to choose a new city councillor, after the resignation of Councillor Paul Fenner, who has moved away for work. Four candidates are standing. On the doorsteps of the ward’s terraces and tower blocks, they are mostly being asked about one thing: the number 7.

Until the spring, the 7 ran every ten minutes from Eastgate to the city centre and on to Saltmarsh General Hospital. Its operator, Harbour Buses, cut it to every 20 minutes and ended evening services after 8pm, blaming a shortage of drivers and falling passenger numbers. Eastgate has the lowest car ownership of any ward in the city: more than half of households have no car.

> “I used to get the 7 home from my shift at eleven,” said a care worker waiting at the stop outside Eastgate Library. “Now it’s a taxi I can’t afford or a forty-minute walk. Whoever gets that bus back gets my vote.”

## The candidates

We asked each candidate the same three questions: what they would do about the 7, about housing and about the old gasworks site. In ballot paper order:

- **Yusuf Adebayo** (Harbour Alliance), a pharmacist who has lived in the ward for 15 years, wants the council to use its new transport powers to set minimum frequencies on key routes, and says he would push for “genuinely affordable” homes on the gasworks site.
- **Terry Boyle** (Independent), a retired postman and long-standing campaigner against the gasworks plans, says the site should become a park. He wants a community minibus for evenings “until the bus company sorts itself out”.
- **Maria Santos** (Civic Party), a primary school governor, says the council should subsidise the evening 7 from parking income, and backs the current gasworks scheme of 600 homes as long as a third are for social rent.
- **Clare Whitfield** (Green Harbourton), a cycle mechanic, wants free bus travel for under-21s and a protected cycle route from Eastgate to the centre, and would reduce the gasworks scheme to 400 homes with more green space.

Full statements from all four are on the [council’s elections page](https://example.org/harbourton/elections/eastgate).

## The gasworks question

The old gasworks, 11 acres of fenced-off land between Eastgate and the river, has been the subject of plans for almost 20 years. The latest scheme, from a partnership between the council and a housing association, has outline permission but no developer has yet committed to building it. Several voters said they had simply stopped believing anything would happen there.

## Why it matters beyond Eastgate

The seat will not change control of the council: the mayor’s allies would keep a working majority whatever the result. But with a citywide election 18 months away, all four groups are treating the contest as a test of whether transport, rather than housing, has become the issue that moves voters.

Turnout at the last Eastgate election was 23 per cent. Polling stations open at 7am and close at 10pm. You do not need your polling card to vote, but you will need an accepted form of photo identification.

*Comments are closed on this article until polls close, in line with Broadsheet’s election coverage policy.*`,
  },
  {
    slug: 'harbourtons-jobless-rate-falls-but-wages-still-trail-the-region',
    title: 'Harbourton’s Jobless Rate Falls, but Wages Still Trail the Region',
    standfirst: 'The city has more people in work than at any point in a decade. What it does not yet have is the pay to match.',
    section: 'business',
    tags: ['Jobs', 'Small Business'],
    authors: ['isla-brennan'],
    hoursAgo: 380,
    cover: {
      alt: 'Abstract illustration of rising bars in olive and charcoal tones',
      caption: 'Care, logistics and hospitality accounted for most of the new jobs. Illustration: Broadsheet studio',
      palette: ['#3a3f4b', '#8a8c73', '#efe9dc'],
      motif: 'bars',
    },
    body: `Unemployment in Harbourton has fallen to its lowest level in a decade, but the typical worker in the city still earns about £40 a week less than the regional average, according to figures published on Tuesday.

The city’s unemployment rate fell to 4.6 per cent in the year to the end of last quarter, down from 5.3 per cent a year earlier. The regional rate was 4.1 per cent. Around 2,100 more Harbourton residents were in work than a year ago.

But median weekly pay for full-time workers living in the city was £612, against £655 for the region as a whole. The gap has narrowed only slightly in five years.

## Where the jobs are

The growth has come mostly from three sectors, according to an analysis of the figures by Harbourton University’s Centre for Local Economies:

- **Health and social care**, which added about 900 jobs, many of them at Saltmarsh General and in home care;
- **Warehousing and logistics**, with about 650 new jobs, largely at the two distribution centres at Tollgate;
- **Hospitality**, which added about 400, helped by a busy year for visitors on the waterfront.

Manufacturing, which employed one in four Harbourton workers forty years ago, now accounts for fewer than one in ten.

> “The good news is real: more people are in work, and that matters enormously to those families,” said Dr Samuel Otieno, who leads the centre. “The harder truth is that the jobs being created are mostly in sectors where pay is low and hours are unpredictable. Harbourton is getting busier faster than it is getting better off.”

## The view from small firms

Smaller employers say they are caught in the middle: struggling to recruit, but unable to pay much more. Tessa Lambert, who runs a commercial cleaning company in Northfield with 34 staff, said she had raised pay twice in a year.

“I’ve got contracts I can’t fully staff,” she said. “I’d pay more if my customers would, but half of them are small businesses themselves. Everyone is squeezed at the same time.”

A survey by the Harbourton Chamber of Commerce found that two-thirds of its members had vacancies they had been unable to fill for more than three months, most often for drivers, chefs, care workers and skilled trades.

## Can the port change the picture?

Much hope rests on plans for an expanded port and, in the longer term, on engineering work connected with offshore wind. Jobs in those industries typically pay well above the city median. But Dr Otieno cautioned that new industries tend to recruit people who already have the skills, often from outside the city, unless training starts early.

“If the jobs come and the people who fill them commute in from elsewhere, the headline numbers will look great and very little will change in Eastgate or Northfield,” he said.

Harbourton College says applications for its engineering apprenticeships are up by a fifth on last year. The full figures and the centre’s analysis are available from [Harbourton University](https://example.org/harbourton-university/local-economy).`,
  },
  {
    slug: 'the-tide-mill-turns-again-as-a-working-museum',
    title: 'The Tide Mill Turns Again as a Working Museum',
    standfirst: 'After a £4.2m restoration, the only tide-powered mill on this stretch of coast is grinding flour for the first time since 1956.',
    section: 'culture',
    tags: ['Arts', 'Waterfront', 'Community'],
    authors: ['isla-brennan', 'daniel-whitcombe'],
    hoursAgo: 480,
    cover: {
      alt: 'Abstract illustration of a mill wheel as concentric circles in weathered brown and stone',
      caption: 'The mill’s wheel turns for about four hours on each falling tide. Illustration: Broadsheet studio',
      palette: ['#4b3f2f', '#97886e', '#f2ead9'],
      motif: 'circles',
    },
    body: `For the first time in almost 70 years, the great wooden wheel of Harbourton Tide Mill is turning, and the building at the mouth of Mill Creek smells of flour again.

The mill, which stands on a causeway between the creek and the estuary, reopened to the public on Saturday as a working museum after a four-year restoration costing £4.2 million. It is the only tide-powered mill on this stretch of coast still able to grind grain, and one of a handful anywhere in the country.

## How a tide mill works

Unlike a river mill, a tide mill does not depend on a stream. Instead it stores the sea:

1. As the tide rises, water flows into the mill pond behind the causeway through a set of one-way gates.
2. At high tide the gates close under the weight of the water inside, trapping the pond.
3. As the tide falls outside, the miller opens a sluice, and the stored water runs out under the wheel, turning the stones.

The mill can grind for about four hours on each falling tide, which means its working hours move by roughly 50 minutes a day. The museum’s opening times are fixed, but the milling demonstrations follow the moon.

> “People ask what time the milling starts, and I have to tell them to look at a tide table,” said Brian Toller, the volunteer head miller, who learned the trade at a mill on another coast before the restoration began. “It’s the most old-fashioned timetable in Harbourton. I think that’s rather wonderful.”

## Four years, and a great deal of oak

The mill stopped working in 1956, when its last commercial tenant moved to a modern roller mill, and it spent decades as a store for boatyard equipment. By the time the Harbourton Tide Mill Trust bought it for a nominal sum, the wheel had collapsed and the roof had partly fallen in.

The restoration was paid for by a heritage grant, the city council and more than 3,000 individual donations. Work included:

- rebuilding the six-metre wheel in green oak, using the surviving iron hub;
- repairing the sea gates and dredging a century of silt from the mill pond;
- re-dressing the two pairs of millstones, one of which was found face down in the creek;
- adding a lift, a café and a learning room for school groups.

The trust says some 140 volunteers have been trained as guides, millers and gate-keepers. Its chair, Evelyn Marsh, said the building had been saved “by a few thousand people who refused to let it fall into the sea”.

## Flour for sale

The mill’s wholemeal flour is on sale in the museum shop, and one bakery on Fore Street has started using it for a loaf it calls the Spring Tide. The trust hopes flour sales will eventually cover a fifth of its running costs.

Opening hours, admission prices and the month’s milling times are on the [Tide Mill Trust website](https://example.org/harbourton-tide-mill). Entry is free for Harbourton residents on the first Sunday of every month.

Mr Toller, dusted white to the elbows on opening day, was asked whether he had any advice for visitors. “Come on a falling tide,” he said. “Otherwise it’s just a very nice old building with a pond.”`,
  },
];

// ---------------------------------------------------------------------------------------------
// The comment thread on the short-term lets story (the second-newest article).

const ruth = { name: 'Ruth Penhaligon', email: 'ruth.penhaligon@example.net' };
const gareth = { name: 'Gareth Lowe', email: 'gareth.lowe@example.net' };
const amira = { name: 'Amira Haddad', email: 'amira.haddad@example.net' };
const colin = { name: 'Colin Barraclough', email: 'colin.barraclough@example.net' };
const sian = { name: 'Sian Pryce', email: 'sian.pryce@example.net', url: 'https://example.net/quayside-kitchen' };
const dev = { name: 'Dev Malhotra', email: 'dev.malhotra@example.net', url: 'https://example.net/dev' };
const fiona = { name: 'Fiona MacLeod', email: 'fiona.macleod@example.net', url: 'https://example.org/harbourton-tenants' };
const pete = { name: 'Pete Sandoval', email: 'pete.sandoval@example.net' };
const hannah = { name: 'Hannah Oyelaran', email: 'hannah.oyelaran@example.net' };
const bill = { name: 'Bill Tranter', email: 'bill.tranter@example.net' };
const lucy = { name: 'Lucy Chen', email: 'lucy.chen@example.net' };
const mo = { name: 'Mo Aziz', email: 'mo.aziz@example.net' };
const jenny = { name: 'Jenny Halloran', email: 'jenny.halloran@example.net' };
const owen = { name: 'Owen Rees', email: 'owen.rees@example.net', url: 'https://example.net/rees-architects' };
const kate = { name: 'Kate Wilmot', email: 'kate.wilmot@example.net' };
const priya = { name: 'Priya Raman', email: 'author@example.com' };
const tom = { name: 'Tom Ashdown', email: 'moderator@example.com' };

type Who = { name: string; email: string; url?: string };
const approved = (key: string, who: Who, minutesAfterPublish: number, body: string, parent?: string): DemoReply => ({
  key,
  ...(parent ? { parent } : {}),
  ...who,
  body,
  status: 'approved',
  minutesAfterPublish,
});

export const demoDiscussion: { article: string; replies: DemoReply[] } = {
  article: 'council-votes-to-cap-short-term-lets-in-old-quay-and-ropewalk',
  replies: [
    approved(
      'ruth-1',
      ruth,
      6,
      'Forty-one years I have lived on Anchor Lane. Of the six houses in my row, three now have key-safes by the door and a different set of wheelie suitcases every Friday. Nobody to take a parcel in, nobody to notice if I have a fall.\n\nGood decision, and about five years overdue.',
    ),
    {
      key: 'spam-1',
      name: 'Best Holiday Deals',
      email: 'deals@cheap-lets.example.com',
      url: 'http://cheap-lets.example.com',
      body: 'SPAM-DEMO!!! CHEAP HOLIDAY FLATS HARBOURTON 90% OFF book now http://cheap-lets.example.com/offer?ref=broadsheet and http://cheap-lets.example.com/win-a-free-stay best prices guaranteed!!!',
      status: 'spam',
      minutesAfterPublish: 11,
    },
    approved(
      'gareth-1',
      gareth,
      14,
      'With respect, Ruth, some of us bought on the quay when nobody wanted to live there. I bought my two flats in 2009 when half the street was boarded up and the council could not give the warehouses away. I have kept them in good order and I pay business rates on both.\n\nNow I am told I am the problem.',
      'ruth-1',
    ),
    approved(
      'colin-1',
      colin,
      18,
      'Lovely idea on paper. Who is going to enforce it? Two officers for the whole city, checking hundreds of listings that change every week? I will believe it when I see the first fine.',
    ),
    approved(
      'ruth-2',
      ruth,
      22,
      'Gareth, I remember when nobody wanted to live there too. I was one of the people who did. Nobody is saying you are a villain. But people want to live there now and they can’t, and something has to give.',
      'gareth-1',
    ),
    approved(
      'dev-1',
      dev,
      27,
      'Enforcement is more doable than it sounds. Other councils that have done this made a registration number compulsory on every listing, then ran the listings against the register. Anything without a number is unregistered by definition, so you don’t need an army of inspectors, just a spreadsheet and someone to send letters.',
      'colin-1',
    ),
    approved(
      'amira-1',
      amira,
      31,
      'I would happily live in one of your flats, Gareth. I’m a nurse at Saltmarsh General and I currently commute from Tollgate because I couldn’t find a one-bed on the quay for under £1,100. If either of them comes back on the long-term market, I’m interested, genuinely.',
      'gareth-1',
    ),
    approved(
      'colin-2',
      colin,
      35,
      'And when the listing says “minimum stay 29 nights” but everyone knows it’s weekend lets with a wink? I have seen it already on Pilot’s Row.',
      'dev-1',
    ),
    approved(
      'bill-1',
      bill,
      40,
      'Same on Pilot’s Row, as Colin says. There used to be nine pilots and their families living on that street. Now I think there is me and a family at number 4, and the rest is wheelie cases.',
      'ruth-1',
    ),
    approved(
      'sian-1',
      sian,
      45,
      'I run a café on the quay and I want to put a different view. Half of my winter trade is weekend visitors, and most of them are staying in exactly these flats. I am not against more homes for local people, I want that too, but I would like someone to tell me who is going to buy coffee on a wet Tuesday in February.',
    ),
    approved(
      'kate-1',
      kate,
      52,
      'Does the council actually have a data-sharing agreement with the booking platforms, or is it just going to look at the websites? Those are very different things.',
      'dev-1',
    ),
    approved(
      'amira-2',
      amira,
      53,
      'But who makes your coffee, Sian? Two of the girls I trained with have left the city because they couldn’t afford to live near the hospital. Your staff have to live somewhere too.',
      'sian-1',
    ),
    approved(
      'priya-1',
      priya,
      58,
      'Priya Raman, the reporter on this story, here. To answer Colin’s and Kate’s questions about enforcement: officers told the meeting that registration numbers will be compulsory on every listing, and that the council is negotiating a data-sharing agreement with the two largest platforms but has not signed one yet. Until it does, checks will be done by comparing public listings with the register.\n\nWe will follow this up in the spring.',
      'colin-1',
    ),
    approved(
      'sian-2',
      sian,
      61,
      'Fair point, and I’ll own it. Two of my four staff commute in from Tollgate and one of them is looking for a room on the quay right now. I suppose I want both things, and I’m not sure I can have them.',
      'amira-2',
    ),
    approved('kate-2', kate, 66, 'Thanks Priya, that’s really helpful. Please do follow it up.', 'priya-1'),
    approved(
      'mo-1',
      mo,
      72,
      'Taxi driver here. Friday and Saturday nights, a good half of my fares from the station are visitors going to holiday flats in Old Quay. I’m not saying that should decide housing policy. Just saying it’s not only cafés that notice.',
      'sian-1',
    ),
    approved(
      'dev-2',
      dev,
      75,
      'For anyone who wants the actual numbers rather than the headline, the officers’ evidence paper is here:\n\nhttps://example.org/report.pdf\n\nPage 14 has the ward-by-ward table. Two things stood out to me. First, the growth is concentrated on about a dozen streets, not spread across the ward. Second, roughly 60 listings belong to just five hosts.',
    ),
    approved(
      'fiona-1',
      fiona,
      80,
      'Visitors will still come, Mo. There are hotels, there are B&Bs, there are people letting rooms in their own homes, which this doesn’t cap. What it stops is whole houses going out of the housing stock for good.',
      'mo-1',
    ),
    approved(
      'owen-1',
      owen,
      90,
      'On capacity: the city has about 1,400 hotel rooms, and the occupancy figures in the council’s tourism strategy suggest plenty of them are empty outside August. I don’t think a 90-night cap empties the quay of visitors. It might fill a few hotel rooms in November, which would be no bad thing.',
      'sian-1',
    ),
    approved(
      'pete-1',
      pete,
      95,
      'The report also says, on page 22, that officers “cannot estimate with confidence” how many of the 412 homes would return to long-term letting. That is the whole case for the policy, and they don’t know.',
      'dev-2',
    ),
    approved(
      'lucy-1',
      lucy,
      100,
      'I let my spare room through one of the apps, maybe 30 nights a year, mostly to people visiting family at the hospital. Really relieved the exemption for rooms in your own home survived. But £250 a year to register a single room I earn about £1,600 from feels steep.\n\nCould it not be tiered?',
    ),
    approved(
      'dev-3',
      dev,
      104,
      'True, and I think that’s the weakest part of the report. But the 18-month review is the answer to it: if the homes don’t come back, we’ll know, and the data will be public. That’s more than we had before.',
      'pete-1',
    ),
    approved('colin-3', colin, 112, '£250 is less than a single night on some of those whole-house listings on the quay.', 'lucy-1'),
    approved(
      'fiona-2',
      fiona,
      118,
      'Even if only half of them come back as long-term lets, that’s 200 homes in a ward where the waiting list for a one-bed is over two years. I’ll take that.',
      'pete-1',
    ),
    approved(
      'lucy-2',
      lucy,
      125,
      'Not mine, Colin! I charge £55 a night, breakfast included. That’s my point: the fee is the same for me as for someone with a five-bedroom house on the harbour wall.',
      'colin-3',
    ),
    approved(
      'hannah-1',
      hannah,
      130,
      'Thanks for posting this, Dev. Page 9 is worth a look too, on student housing. Apparently a lot of the flats that used to be let to students on year-long contracts are now summer holiday lets and empty the rest of the year.',
      'dev-2',
    ),
    approved(
      'gareth-2',
      gareth,
      140,
      'Lucy is right. A flat fee for a spare room and a whole house makes no sense. If it has to be done, tier it by size, or by nights.',
      'lucy-1',
    ),
    approved(
      'jenny-1',
      jenny,
      145,
      'Nobody has mentioned the schools. Old Quay Primary had 28 in my son’s reception class. His sister’s class this year has 17. The families I knew from the school gate have mostly moved out to Millbrook or Tollgate because they couldn’t find anywhere to rent.',
    ),
    {
      key: 'pending-1',
      name: 'Derek Ames',
      email: 'derek.ames@example.net',
      body: 'PENDING-DEMO First time commenting. I manage lettings for a few owners on the quay and honestly most of them would go back to long-term tenancies tomorrow if the council sorted out the deposit and licensing paperwork. Nobody has asked us.',
      status: 'pending',
      minutesAfterPublish: 150,
    },
    approved('fiona-3', fiona, 152, 'A tiered fee seems reasonable to me, and I’d back it at the review. Glad we agree on something, Gareth.', 'gareth-2'),
    approved(
      'ruth-3',
      ruth,
      160,
      'Jenny, the school nearly merged with St Bride’s two years ago because of the numbers. The head told us at the time that housing was the main reason. It’s all the same story.',
      'jenny-1',
    ),
    approved(
      'owen-2',
      owen,
      170,
      'I’m an architect, so I’ll say the unfashionable thing. The cap treats a symptom. The underlying problem is that this city has built almost nothing on its big brownfield sites in twenty years. The old gasworks alone has outline permission for 600 homes and not a brick has been laid.',
    ),
    approved(
      'owen-3',
      owen,
      175,
      'Some of that falling roll is the birth rate, to be fair. Reception numbers are down across the whole city, not just the quay.',
      'jenny-1',
    ),
    approved(
      'fiona-4',
      fiona,
      185,
      'Both things can be true, Owen. We need to build, and we need to stop losing the homes we already have. The gasworks will take ten years. The cap takes effect in months.',
      'owen-2',
    ),
    approved('jenny-2', jenny, 188, 'Maybe so, Owen. But the ones who leave the quay are the ones I knew by name.', 'owen-3'),
    {
      key: 'spam-2',
      name: 'CryptoKing',
      email: 'profit@coins-now.example.com',
      url: 'http://coins-now.example.com',
      body: 'SPAM-DEMO Turn £250 into £25,000 in 7 days!!! Landlords are using this ONE trick the council hates: http://coins-now.example.com/signup http://coins-now.example.com/proof',
      status: 'spam',
      minutesAfterPublish: 192,
    },
    approved(
      'owen-4',
      owen,
      198,
      'Agreed on that, Fiona. I just worry that the council will treat the cap as the job done and the gasworks will slip another five years.',
      'fiona-4',
    ),
    approved(
      'pete-2',
      pete,
      205,
      'Long-term landlord here. I have four flats in Ropewalk, all on yearly tenancies, and have never done holiday lets. For what it’s worth, the rise in rents isn’t only about holiday lets. My insurance, my mortgage rates and the cost of repairs have all gone up too, and those costs end up in the rent whether I like it or not.',
    ),
    approved(
      'colin-4',
      colin,
      210,
      'Build where? Every time anyone proposes flats on the gasworks, the same people who say we need more homes turn up to object to the height, the parking and the view.',
      'owen-2',
    ),
    approved(
      'amira-3',
      amira,
      220,
      'Honestly, Pete, the best landlord I ever had was someone like you with a couple of flats who fixed the boiler the same week. It’s not landlords people are angry with. It’s the sense that there is nowhere left to rent at all.',
      'pete-2',
    ),
    approved('hannah-2', hannah, 232, 'Are any of those flats near the college? Asking for roughly everyone in my year.', 'pete-2'),
    approved(
      'pete-3',
      pete,
      240,
      'All let, sorry Hannah. When one came free in the spring I had forty enquiries in two days. That tells you something.',
      'hannah-2',
    ),
    approved(
      'bill-2',
      bill,
      250,
      'When I started as a harbour pilot in 1979, the quay was fishermen, pilots, dockers and their families. The pub on the corner had a darts team and a football team and you knew everyone who came in.\n\nI am not daft. I know it was never going to stay like that for ever, and some of the change has been for the better. The warehouses were falling down.\nBut a street needs people living in it, not just sleeping in it for two nights.',
    ),
    approved('sian-3', sian, 262, 'Bill, you should write all of that down. I would put it on the wall of the café.', 'bill-2'),
    approved('bill-3', bill, 270, 'My granddaughter says the same, Sian. Perhaps I will, if she types it.', 'sian-3'),
    {
      key: 'trash-1',
      name: 'Quay Resident',
      email: 'angry.quay@example.net',
      body: 'TRASH-DEMO People like Gareth are leeches who should be run out of the quay. I know which flats are his and I have half a mind to post the addresses here.',
      status: 'trash',
      minutesAfterPublish: 274,
    },
    approved(
      'tom-1',
      tom,
      280,
      'A note from the community desk. This is a good discussion, with a lot of people who disagree making their case well, so thank you. We have removed one comment that named individuals and made threats. Please argue with the arguments, not with each other, and don’t post anyone’s address.',
    ),
    approved(
      'kate-3',
      kate,
      300,
      'Practical question. Does the 90-night count reset every April, and does it follow the property or the owner? If someone sells a flat halfway through the year, does the new owner start again from zero?',
    ),
    approved(
      'priya-2',
      priya,
      318,
      'Kate, the cap follows the property, not the owner, and the count resets at the start of each financial year. A new owner inherits whatever nights have already been used that year. Officers said they would publish guidance before registration opens.',
      'kate-3',
    ),
    approved('kate-4', kate, 330, 'Thank you! That closes the obvious loophole, then.', 'priya-2'),
    {
      key: 'pending-2',
      parent: 'kate-3',
      name: 'Nell Fairweather',
      email: 'nell.fairweather@example.net',
      body: 'PENDING-DEMO Kate, I asked the council the same thing by email last week and never heard back. Does anyone know who we are supposed to contact about registration?',
      status: 'pending',
      minutesAfterPublish: 338,
    },
    approved(
      'gareth-3',
      gareth,
      345,
      'Which also means that anyone buying a flat on the quay will now pay less for it, because it can’t be let for holidays. For some of us, that flat is our pension.',
      'kate-3',
    ),
    approved(
      'amira-4',
      amira,
      360,
      'With respect, Gareth, that is exactly the point. A home shouldn’t have to be a pension plan for one person and out of reach for everyone else. If prices on the quay come down a bit, I might be able to buy one one day.',
      'gareth-3',
    ),
    approved(
      'mo-2',
      mo,
      380,
      'Anyone know if this covers the houseboats? There are at least a dozen on the Wend moorings being let by the night now, complete with hot tubs. I drove a hen party to one last month. They were not quiet.',
    ),
    {
      key: 'spam-3',
      name: 'SEO Expert',
      email: 'rank@seo-fast.example.com',
      url: 'http://seo-fast.example.com',
      body: 'SPAM-DEMO Great article!! Want your holiday let on page 1 of Google? We guarantee top ranking or money back: http://seo-fast.example.com/holiday-lets http://seo-fast.example.com/pricing http://seo-fast.example.com/contact',
      status: 'spam',
      minutesAfterPublish: 388,
    },
    approved(
      'bill-4',
      bill,
      395,
      'Houseboats are a whole other can of worms, Mo. The moorings are the port authority’s, not the council’s, so I doubt it.',
      'mo-2',
    ),
    approved(
      'dev-4',
      dev,
      410,
      'The report does count them (page 17), but as a separate category. Officers say moored vessels are outside planning control, so the cap doesn’t apply. Registration might, though. It’s not clear.',
      'mo-2',
    ),
    approved(
      'hannah-3',
      hannah,
      430,
      'Student view, for what it’s worth. I’m in my final year and want to stay in Harbourton after I graduate, but everything near the centre is either a holiday let or £950 for a room in a shared house. If this frees up even a few flats, it might be the difference between staying and leaving.',
    ),
    approved(
      'ruth-4',
      ruth,
      445,
      'Hannah, the flat above me has been a holiday let for four years and the owner told me last week she is thinking of going back to a proper tenancy because of this vote. I will let you know.',
      'hannah-3',
    ),
    approved('hannah-4', hannah, 460, 'Ruth, I might actually take you up on that. Thank you!', 'ruth-4'),
    approved(
      'fiona-5',
      fiona,
      480,
      'For anyone who wants to get involved: Harbourton Tenants’ Union is holding an open meeting about the cap and what comes next on Thursday at 7pm in Chandlers’ Hall. Tenants, hosts and landlords all welcome. There will be tea.',
    ),
    approved('colin-5', colin, 500, 'I’ll come along, if only to ask awkward questions.', 'fiona-5'),
    approved('fiona-6', fiona, 515, 'Awkward questions are the best kind, Colin. See you there.', 'colin-5'),
    {
      key: 'pending-3',
      name: 'Marcus Tully',
      email: 'marcus.tully@example.net',
      body: 'PENDING-DEMO Useful background for anyone interested: https://example.org/short-lets-study-1 and https://example.org/short-lets-study-2 and https://example.org/short-lets-study-3, three studies from other cities that came to quite different conclusions.',
      status: 'pending',
      minutesAfterPublish: 522,
    },
  ],
};
