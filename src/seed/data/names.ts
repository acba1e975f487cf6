/**
 * Names, ethnicity, religion and first language for the synthetic authority.
 *
 * Everything here is data: the seed generator draws from it with its own seeded Random.
 * Every person the generator makes is synthetic. First names and surnames are drawn
 * independently from pools of widely common names, so no real child is described.
 *
 * Name pools are keyed by naming tradition, not by ethnicity code: a child recorded as
 * "White and Black Caribbean" may have an English surname and a first name from the ONS
 * top 100, and a Pakistani-heritage child may be called Zayn or Adam. The mapping from
 * ethnicity code to traditions is NAMING_TRADITIONS_BY_ETHNICITY.
 *
 * The pools deliberately hold the variety that person search has to cope with:
 * transliteration variants (Mohammed / Muhammad / Mohamed, Aisha / Ayesha, Chen / Chan),
 * spellings with and without diacritics (Róisín / Roisin, Wójcik / Wojcik, Nguyễn / Nguyen),
 * apostrophes (O'Brien, D'Souza, and one typographic O’Donnell), hyphenated and
 * double-barrelled surnames (Smith-Jones, Al-Hassan), particles written three ways
 * (Al-Rashid / Al Rashid / Alrashid), two-word first names (Abdul Rahman, Wing Yan),
 * surnames borne only by women and girls (Kaur, Begum) and surnames that change form
 * for a girl (Kowalski / Kowalska).
 */


import type { EthnicityCode, LanguageCode } from '../../modules/people/codes.ts';

export { ETHNICITY_CODES, ETHNICITY_LABELS, LANGUAGE_CODES, LANGUAGE_NAMES, type EthnicityCode, type LanguageCode } from '../../modules/people/codes.ts';

/** Relative weights, in the shape Random.weighted takes. Need not sum to 1, but here they do. */
export type Weights<K extends string> = Readonly<Partial<Record<K, number>>>;


/**
 * Share of England's children aged 0–17 by DfE ethnicity code; sums to 1.
 *
 * Source: ONS, Census 2021, ethnic group by age, England (usual residents aged 0 to 17;
 * see "Ethnic group by age and sex, England and Wales: Census 2021"). The census groups
 * are mapped to the nearest DfE code: "White: Gypsy or Irish Traveller" is split between
 * WIRT and WROM together with "White: Roma"; "Other ethnic group: Arab" and "Any other
 * ethnic group" both go to OOTH. The figures are APPROXIMATE, rounded to a tenth of a
 * percentage point and nudged so they sum to exactly 1. They are good enough to make a
 * synthetic authority look like England, not to quote. The 1% or so of children whose
 * ethnicity is not yet obtained (NOBT) or refused (REFU) is left out.
 */
export const ETHNICITY_MIX: Readonly<Record<EthnicityCode, number>> = {
  WBRI: 0.68,
  WIRI: 0.003,
  WIRT: 0.002,
  WOTH: 0.058,
  WROM: 0.004,
  MWBC: 0.017,
  MWBA: 0.01,
  MWAS: 0.017,
  MOTH: 0.021,
  AIND: 0.035,
  APKN: 0.045,
  ABAN: 0.018,
  AOTH: 0.018,
  BCRB: 0.007,
  BAFR: 0.035,
  BOTH: 0.006,
  CHNE: 0.005,
  OOTH: 0.019,
};

export const NAMING_TRADITIONS = [
  'english',
  'modern_british',
  'irish',
  'traveller',
  'polish',
  'eastern_european',
  'romanian',
  'roma',
  'albanian',
  'south_asian_hindu_sikh',
  'pakistani',
  'bangladeshi',
  'afghan',
  'west_african',
  'east_african',
  'caribbean',
  'chinese',
  'vietnamese',
  'arabic',
  'turkish_kurdish',
] as const;
export type NamingTradition = (typeof NAMING_TRADITIONS)[number];

export interface NamePool {
  /** What the pool covers, for people reading the seed. */
  readonly label: string;
  readonly girls: readonly string[];
  readonly boys: readonly string[];
  /** Surnames for anyone. */
  readonly surnames: readonly string[];
  /** Surnames customarily borne only by girls and women (Kaur, Begum): draw from these as well as `surnames` for a girl. */
  readonly femaleSurnames?: readonly string[];
  /**
   * Feminine forms of surnames that change with sex (Kowalski → Kowalska, Ivanov → Ivanova,
   * Kazlauskas → Kazlauskaitė). A surname missing here is the same for everyone.
   * Lithuanian entries give a girl's (unmarried) form.
   */
  readonly feminineSurnameForms?: Readonly<Record<string, string>>;
}

const english: NamePool = {
  label: 'English: long-established first names and surnames, with Black Country surnames and double-barrelled names',
  girls: [
    'Emily', 'Charlotte', 'Sophie', 'Hannah', 'Lucy', 'Jessica', 'Rebecca', 'Katie', 'Laura', 'Amy',
    'Lauren', 'Chloe', 'Megan', 'Bethany', 'Georgia', 'Abigail', 'Eleanor', 'Alice', 'Elizabeth', 'Victoria',
    'Rachel', 'Natalie', 'Holly', 'Jade', 'Samantha', 'Rosie', 'Molly', 'Ellie', 'Lily', 'Grace',
    'Emma', 'Harriet', 'Imogen', 'Frances', 'Kate', 'Zoe', 'Paige', 'Courtney', 'Leah', 'Amber',
    'Jasmine', 'Kayleigh', 'Kayley', 'Caitlin', 'Katelyn', 'Danielle', 'Gemma', 'Stacey', 'Nicola', 'Kirsty',
    'Lydia', 'Phoebe', 'Martha', 'Annabel', 'Anne-Marie', 'Mary-Jane', 'Louise', 'Sarah',
  ],
  boys: [
    'James', 'Thomas', 'William', 'Jack', 'Harry', 'George', 'Charlie', 'Joshua', 'Daniel', 'Samuel',
    'Benjamin', 'Matthew', 'Joseph', 'Oliver', 'Henry', 'Edward', 'Alexander', 'Luke', 'Ryan', 'Callum',
    'Connor', 'Liam', 'Jordan', 'Kyle', 'Bradley', 'Lewis', 'Adam', 'Nathan', 'Jake', 'Jamie',
    'Ben', 'Sam', 'Tom', 'Alfie', 'Archie', 'Freddie', 'Toby', 'Max', 'Reece', 'Rhys',
    'Ethan', 'Tyler', 'Dylan', 'Kieran', 'Ashley', 'Dean', 'Craig', 'Lee', 'Michael', 'Christopher',
    'David', 'Andrew', 'Robert', 'Peter', 'Stephen', 'Mark', 'Billy', 'Tommy-Lee',
  ],
  surnames: [
    'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
    'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
    'Clark', 'Harris', 'Lewis', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward',
    'Martin', 'Morris', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'Scott', 'Young', 'Watson',
    'Phillips', 'Mitchell', 'Parker', 'Bennett', 'Carter', 'Shaw', 'Cook', 'Richardson', 'Bailey', 'Collins',
    'Bell', 'Cox', 'Chapman', 'Marshall', 'Webb', 'Holmes', 'Mason', 'Atkinson', 'Barker', 'Lloyd',
    'Booth', 'Fletcher', 'Dixon', 'Gibson', 'Jenkins', 'Palmer', 'Knight', 'Pearson', 'Lee', 'Price',
    'Ellis', 'Foster', 'Sanders', 'Simpson', 'Russell', 'Stevens', 'Graham', 'Harvey', 'Hudson', 'Owen',
    'Matthews', 'Hunt', 'Rogers', 'Mills', 'Barnes', 'Butler', 'Pearce', 'Lawrence', 'Wells', 'Holland',
    'Rose', 'Spencer', 'Payne', 'Fox', 'Dawson', 'Rowe', 'Burton', 'Porter', 'Hartley', 'Brooks',
    'Perkins', 'Bradshaw', 'Sutton', 'Whitehouse', 'Hickman', 'Jukes', 'Bissell', 'Parkes', 'Pritchard', 'Round',
    'Southall', 'Cartwright', 'Timmins', 'Tonks', 'Darby', 'Plant',
    'Smith-Jones', 'Davies-Khan', 'Taylor-Brown', 'Hughes-Ward', 'Lloyd-Evans', 'Bennett-Shaw',
    'Clarke-Mensah', 'Wilson-Campbell', 'Parkes-Ahmed', 'Jackson-Reid', 'Turner-Nowak', 'Harris-Patel',
  ],
};

const modernBritish: NamePool = {
  label: 'Modern British: first names from recent ONS baby-name top 100s; surnames from across Britain',
  girls: [
    'Olivia', 'Amelia', 'Isla', 'Ava', 'Lily', 'Freya', 'Ivy', 'Florence', 'Willow', 'Mia',
    'Isabella', 'Sophia', 'Grace', 'Evie', 'Poppy', 'Ella', 'Rosie', 'Sienna', 'Daisy', 'Harper',
    'Evelyn', 'Elsie', 'Millie', 'Luna', 'Arabella', 'Aurora', 'Maya', 'Ellie', 'Margot', 'Esme',
    'Bonnie', 'Violet', 'Hallie', 'Layla', 'Thea', 'Mila', 'Emilia', 'Sofia', 'Orla', 'Maisie',
    'Matilda', 'Delilah', 'Lottie', 'Ruby', 'Isabelle', 'Darcie', 'Darcey', 'Darcy', 'Lyla', 'Edith',
    'Iris', 'Penelope', 'Ada', 'Nancy', 'Mabel', 'Lacey', 'Lexi', 'Skye', 'Hollie', 'Gracie',
    'Eliza', 'Beatrice', 'Aria', 'Eva', 'Hazel', 'Olive', 'Elodie', 'Ayla', 'Robyn', 'Summer',
    'Lily-Mae', 'Ellie-Mai', 'Lacey-Rose', 'Amelia-Rose',
  ],
  boys: [
    'Noah', 'George', 'Oliver', 'Leo', 'Arthur', 'Oscar', 'Theodore', 'Freddie', 'Theo', 'Charlie',
    'Jack', 'Harry', 'Henry', 'Archie', 'Alfie', 'Finley', 'Jacob', 'Tommy', 'Lucas', 'Teddy',
    'Thomas', 'Edward', 'Isaac', 'Reggie', 'Albie', 'Arlo', 'Luca', 'Hudson', 'Ronnie', 'Mason',
    'Jude', 'Rory', 'Elijah', 'Max', 'Louie', 'Logan', 'Ethan', 'Harrison', 'Joshua', 'Riley',
    'Jaxon', 'Jaxson', 'Kai', 'Tyler', 'Dylan', 'Reuben', 'Frankie', 'Ezra', 'Hunter', 'Sonny',
    'Grayson', 'Roman', 'Jenson', 'Carter', 'Bobby', 'Albert', 'Jasper', 'Sebastian', 'Jesse', 'Ollie',
    'Louis', 'Otis', 'Rowan', 'Harvey', 'Austin', 'Tobias', 'Ralph', 'Brody', 'Alfie-James', 'Teddy-Ray',
  ],
  surnames: [
    'Campbell', 'Stewart', 'Murray', 'Reid', 'Robertson', 'Thomson', 'MacDonald', 'McDonald', 'Macdonald', 'McKenzie',
    'Mackenzie', 'Fraser', 'Ross', 'Grant', 'Hamilton', 'Paterson', 'Ferguson', 'Cameron', 'Sinclair', 'Henderson',
    'Duncan', 'Watt', 'Mackay', 'Munro', 'Morrison', 'Buchanan', 'Gordon', 'Kerr', 'Douglas', 'Griffiths',
    'Pritchard', 'Powell', 'Rees', 'Rhys', 'Howells', 'Jenkins', 'Bowen', 'Parry', 'Vaughan', 'Probert',
    'Prosser', 'Llewellyn', 'Bevan', 'Ashworth', 'Barlow', 'Greenwood', 'Sutcliffe', 'Haigh', 'Lord', 'Whittaker',
    'Heywood', 'Pickering', 'Nuttall', 'Hargreaves', 'Kershaw', 'Ormerod', 'Crossley', 'Schofield', 'Holroyd', 'Lister',
    'Dyson', 'Firth', 'Brook', 'Penrose', 'Nancarrow', 'Pascoe', 'Bird', 'Carr', 'Day', 'Dunn',
    'Fisher', 'Frost', 'Hayes', 'Hewitt', 'Howard', 'Hurst', 'Jarvis', 'Kemp', 'Lamb', 'Lane',
    'Long', 'Lowe', 'Marsh', 'May', 'Newman', 'Nicholls', 'Norris', 'Page', 'Potter', 'Reynolds',
    'Riley', 'Sharp', 'Slater', 'Stone', 'Swift', 'Tucker', 'Wade', 'Warren', 'Webster', 'Wheeler',
    'Wilkinson', 'Woods', 'Yates', 'Murray-Grant', 'Ross-Bailey',
  ],
};

const irish: NamePool = {
  label: 'Irish: Irish-language names with and without fadas, anglicised spellings, Mc/O\' surnames',
  girls: [
    'Aoife', 'Niamh', 'Neve', 'Siobhan', 'Ciara', 'Saoirse', 'Caoimhe', 'Keeva', 'Róisín', 'Roisin',
    'Sinéad', 'Sinead', 'Orla', 'Aisling', 'Ashling', 'Clodagh', 'Gráinne', 'Grainne', 'Maeve', 'Méabh',
    'Eimear', 'Emer', 'Deirdre', 'Bridget', 'Brigid', 'Nuala', 'Síofra', 'Sorcha', 'Cara', 'Erin',
    'Shannon', 'Fionnuala', 'Aoibheann', 'Aoibhinn', 'Nessa', 'Úna', 'Una', 'Kathleen', 'Mairéad', 'Mairead',
    'Maura', 'Tara', 'Ailbhe', 'Éabha', 'Clara', 'Máire',
  ],
  boys: [
    'Seán', 'Sean', 'Shaun', 'Shane', 'Ciarán', 'Ciaran', 'Cian', 'Oisín', 'Oisin', 'Darragh',
    'Eoin', 'Owen', 'Conor', 'Connor', 'Cillian', 'Killian', 'Ruairí', 'Rory', 'Pádraig', 'Padraig',
    'Patrick', 'Declan', 'Dónal', 'Donal', 'Fionn', 'Finn', 'Liam', 'Niall', 'Colm', 'Cathal',
    'Tadhg', 'Diarmuid', 'Dermot', 'Aidan', 'Aodhán', 'Ronan', 'Rónán', 'Brendan', 'Fergal', 'Lorcan',
    'Odhrán', 'Oran', 'Senan', 'Tiernan', 'Éamon', 'Eamon', 'Kevin', 'Michael',
  ],
  surnames: [
    'Murphy', 'Kelly', "O'Brien", "O'Sullivan", "O'Connor", "O'Neill", 'McCarthy', 'Byrne', 'Ryan', 'Walsh',
    'Doyle', 'Gallagher', 'Quinn', 'Brennan', 'Kennedy', 'Lynch', "O'Reilly", 'Reilly', 'Fitzgerald', 'Nolan',
    'Maguire', 'McGuire', 'Donnelly', 'Keane', 'Flanagan', 'Kavanagh', 'Cavanagh', 'Daly', 'Sweeney', 'Brady',
    'Dunne', 'Hegarty', 'Doherty', 'Docherty', "O'Donnell", 'O’Donnell', "O'Mahony", "O'Mahoney", 'Mahoney', 'McLaughlin',
    'McGrath', 'Moran', 'Power', 'Carroll', 'Connolly', 'Duffy', 'Farrell', 'Fitzpatrick', 'Hennessy', 'Kearney',
    'Lyons', 'McNamara', 'Nugent', "O'Shea", "O'Dwyer", 'Dwyer', "O'Callaghan", 'Callaghan', 'Boyle', 'Cullen',
    'Foley', 'Hogan', 'Keogh', 'Kehoe', 'McKenna', 'Mulligan', 'Regan', 'Sheridan', 'Tierney', 'Whelan',
  ],
};

const traveller: NamePool = {
  label: 'Irish Traveller and Romany Gypsy families in England',
  girls: [
    'Bridget', 'Margaret', 'Mary', 'Kathleen', 'Nora', 'Ellen', 'Winnie', 'Chelsea', 'Shannon', 'Tiffany',
    'Britney', 'Kelly', 'Sally', 'Jessie', 'Mary-Ann', 'Maggie', 'Bridie', 'Nell', 'Annie', 'Shania',
    'Cheyenne', 'Esther', 'Louisa', 'Ruby', 'Rose', 'Kizzy', 'Dolly', 'Minnie', 'Violet', 'Lavinia',
  ],
  boys: [
    'Patrick', 'Paddy', 'Michael', 'Mikey', 'John', 'Johnny', 'Martin', 'Thomas', 'Tom', 'Jimmy',
    'James', 'Joe', 'Joseph', 'Willie', 'William', 'Francie', 'Christy', 'Pat', 'Danny', 'Levi',
    'Elijah', 'Jesse', 'Noah', 'Sonny', 'Billy', 'Henry', 'Aaron', 'Jack', 'Lenny', 'Alfie',
  ],
  surnames: [
    'Ward', 'McDonagh', 'Joyce', 'Maughan', 'Connors', 'Doherty', 'Stokes', 'Cash', 'Delaney', 'McGinley',
    'Reilly', 'Sherlock', 'Purcell', 'Collins', 'Quilligan', 'Mongan', 'McCarthy', 'Gavin', 'Boswell', 'Lovell',
    'Loveridge', 'Lee', 'Smith', 'Price', 'Cooper', 'Wells', 'Buckley', 'Gaskin', 'Doran', 'Nevin',
    'Keenan', 'Casey', 'Draper', 'Taylor', 'Burton',
  ],
};

const polish: NamePool = {
  label: 'Polish, with spellings with and without Polish letters',
  girls: [
    'Zuzanna', 'Julia', 'Zofia', 'Hanna', 'Maja', 'Lena', 'Alicja', 'Maria', 'Amelia', 'Oliwia',
    'Wiktoria', 'Natalia', 'Aleksandra', 'Laura', 'Nikola', 'Emilia', 'Gabriela', 'Antonina', 'Pola', 'Helena',
    'Martyna', 'Weronika', 'Karolina', 'Kinga', 'Klaudia', 'Magdalena', 'Agnieszka', 'Katarzyna', 'Małgorzata', 'Malgorzata',
    'Joanna', 'Dominika', 'Paulina', 'Patrycja', 'Jagoda', 'Marta', 'Ewa', 'Barbara', 'Iga', 'Nadia',
    'Liliana', 'Blanka', 'Milena',
  ],
  boys: [
    'Jakub', 'Antoni', 'Jan', 'Szymon', 'Filip', 'Aleksander', 'Franciszek', 'Mikołaj', 'Mikolaj', 'Wojciech',
    'Kacper', 'Adam', 'Michał', 'Michal', 'Marcel', 'Stanisław', 'Stanislaw', 'Wiktor', 'Piotr', 'Mateusz',
    'Bartosz', 'Igor', 'Dawid', 'Krzysztof', 'Tomasz', 'Łukasz', 'Lukasz', 'Paweł', 'Pawel', 'Maciej',
    'Oskar', 'Tymon', 'Leon', 'Nikodem', 'Ignacy', 'Hubert', 'Kamil', 'Patryk', 'Dominik', 'Oliwier',
    'Maksymilian', 'Krystian', 'Sebastian', 'Grzegorz', 'Marek',
  ],
  surnames: [
    'Nowak', 'Kowalski', 'Wiśniewski', 'Wisniewski', 'Wójcik', 'Wojcik', 'Kowalczyk', 'Kamiński', 'Kaminski', 'Lewandowski',
    'Zieliński', 'Zielinski', 'Szymański', 'Woźniak', 'Wozniak', 'Dąbrowski', 'Dabrowski', 'Kozłowski', 'Jankowski', 'Mazur',
    'Kwiatkowski', 'Krawczyk', 'Kaczmarek', 'Piotrowski', 'Grabowski', 'Zając', 'Zajac', 'Pawłowski', 'Michalski', 'Król',
    'Krol', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Wrobel', 'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski',
    'Jaworski', 'Adamczyk', 'Dudek', 'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran',
    'Rutkowski', 'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Marciniak', 'Wróblewski', 'Zalewski', 'Jakubowski',
    'Jasiński', 'Zawadzki', 'Sadowski', 'Bąk', 'Chmielewski', 'Włodarczyk', 'Borkowski', 'Czarnecki', 'Sawicki', 'Sokołowski',
    'Kubiak', 'Maciejewski', 'Szczepański', 'Kucharski', 'Wilk', 'Kalinowski', 'Lis', 'Mazurek', 'Wysocki', 'Adamski',
    'Kaźmierczak', 'Wasilewski', 'Sobczak', 'Czerwiński', 'Cieślak', 'Głowacki', 'Zakrzewski', 'Kołodziej', 'Sikorski', 'Krajewski',
    'Szymczak', 'Szulc', 'Baranowski', 'Laskowski', 'Brzeziński', 'Makowski', 'Przybylski',
  ],
  feminineSurnameForms: {
    Kowalski: 'Kowalska', Wiśniewski: 'Wiśniewska', Wisniewski: 'Wisniewska', Kamiński: 'Kamińska',
    Kaminski: 'Kaminska', Lewandowski: 'Lewandowska', Zieliński: 'Zielińska', Zielinski: 'Zielinska',
    Szymański: 'Szymańska', Dąbrowski: 'Dąbrowska', Dabrowski: 'Dabrowska', Kozłowski: 'Kozłowska',
    Jankowski: 'Jankowska', Kwiatkowski: 'Kwiatkowska', Piotrowski: 'Piotrowska', Grabowski: 'Grabowska',
    Pawłowski: 'Pawłowska', Michalski: 'Michalska', Jabłoński: 'Jabłońska', Nowakowski: 'Nowakowska',
    Majewski: 'Majewska', Olszewski: 'Olszewska', Malinowski: 'Malinowska', Jaworski: 'Jaworska',
    Nowicki: 'Nowicka', Górski: 'Górska', Witkowski: 'Witkowska', Rutkowski: 'Rutkowska',
    Ostrowski: 'Ostrowska', Tomaszewski: 'Tomaszewska', Wróblewski: 'Wróblewska', Zalewski: 'Zalewska',
    Jakubowski: 'Jakubowska', Jasiński: 'Jasińska', Zawadzki: 'Zawadzka', Sadowski: 'Sadowska',
    Chmielewski: 'Chmielewska', Borkowski: 'Borkowska', Czarnecki: 'Czarnecka', Sawicki: 'Sawicka',
    Sokołowski: 'Sokołowska', Maciejewski: 'Maciejewska', Szczepański: 'Szczepańska', Kucharski: 'Kucharska',
    Kalinowski: 'Kalinowska', Wysocki: 'Wysocka', Adamski: 'Adamska', Wasilewski: 'Wasilewska',
    Czerwiński: 'Czerwińska', Głowacki: 'Głowacka', Zakrzewski: 'Zakrzewska', Sikorski: 'Sikorska',
    Krajewski: 'Krajewska', Baranowski: 'Baranowska', Laskowski: 'Laskowska', Brzeziński: 'Brzezińska',
    Makowski: 'Makowska', Przybylski: 'Przybylska',
  },
};

const easternEuropean: NamePool = {
  label: 'Lithuanian, Latvian, Bulgarian, Czech, Slovak, Hungarian, Ukrainian and Russian',
  girls: [
    'Emilija', 'Gabija', 'Ugnė', 'Ugne', 'Austėja', 'Kamilė', 'Viktorija', 'Anastasia', 'Anastasiia', 'Anastasija',
    'Sofia', 'Sofiia', 'Daria', 'Dariia', 'Yana', 'Eva', 'Kristina', 'Elena', 'Nikol', 'Natalia',
    'Lucia', 'Tereza', 'Adéla', 'Anna', 'Milena', 'Polina', 'Alina', 'Diana', 'Karina', 'Veronika',
    'Jana', 'Alise', 'Anete', 'Marta', 'Zsófia', 'Hanna', 'Lili', 'Boglárka', 'Réka', 'Dóra',
    'Mariya', 'Iva', 'Desislava', 'Gergana', 'Yoana', 'Kateryna', 'Katerina', 'Solomiia', 'Zlata', 'Valeriia',
  ],
  boys: [
    'Lukas', 'Matas', 'Dominykas', 'Nojus', 'Jokūbas', 'Jokubas', 'Kajus', 'Ivan', 'Dmytro', 'Oleksandr',
    'Oleksii', 'Maksym', 'Artem', 'Artyom', 'Daniel', 'Danylo', 'Nikola', 'Georgi', 'Martin', 'Tomáš',
    'Tomas', 'Jakub', 'Matej', 'Matěj', 'Bence', 'Levente', 'Ádám', 'Dávid', 'Andrei', 'Mihail',
    'Mark', 'Kristers', 'Roberts', 'Rihards', 'Emīls', 'Emils', 'Aleksandr', 'Nikita', 'Kiril', 'Kirill',
    'Bogdan', 'Viktor', 'Denys', 'Yaroslav', 'Bohdan', 'Marko', 'Petar', 'Stefan', 'Filip', 'Adam',
  ],
  surnames: [
    'Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Stankevicius', 'Vasiliauskas', 'Žukauskas', 'Zukauskas', 'Butkus', 'Paulauskas',
    'Urbonas', 'Kavaliauskas', 'Bērziņš', 'Berzins', 'Kalniņš', 'Kalnins', 'Ozoliņš', 'Ozolins', 'Liepiņš', 'Krūmiņš',
    'Ivanov', 'Petrov', 'Georgiev', 'Dimitrov', 'Nikolov', 'Todorov', 'Stoyanov', 'Iliev', 'Novák', 'Novak',
    'Svoboda', 'Dvořák', 'Dvorak', 'Černý', 'Horváth', 'Nagy', 'Kovács', 'Kovacs', 'Tóth', 'Toth',
    'Szabó', 'Szabo', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Shevchenko', 'Bondarenko',
    'Kovalenko', 'Tkachenko', 'Melnyk', 'Kravchenko', 'Boyko', 'Kovalchuk', 'Oliynyk', 'Lysenko', 'Rudenko', 'Savchenko',
    'Marchenko', 'Moroz', 'Petrenko', 'Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Volkov', 'Kozlov', 'Baláž',
  ],
  feminineSurnameForms: {
    Kazlauskas: 'Kazlauskaitė', Jankauskas: 'Jankauskaitė', Petrauskas: 'Petrauskaitė',
    Stankevičius: 'Stankevičiūtė', Stankevicius: 'Stankeviciute', Vasiliauskas: 'Vasiliauskaitė',
    Žukauskas: 'Žukauskaitė', Zukauskas: 'Zukauskaite', Butkus: 'Butkutė', Paulauskas: 'Paulauskaitė',
    Urbonas: 'Urbonaitė', Kavaliauskas: 'Kavaliauskaitė',
    Bērziņš: 'Bērziņa', Berzins: 'Berzina', Kalniņš: 'Kalniņa', Kalnins: 'Kalnina',
    Ozoliņš: 'Ozoliņa', Ozolins: 'Ozolina', Liepiņš: 'Liepiņa', Krūmiņš: 'Krūmiņa',
    Ivanov: 'Ivanova', Petrov: 'Petrova', Georgiev: 'Georgieva', Dimitrov: 'Dimitrova', Nikolov: 'Nikolova',
    Todorov: 'Todorova', Stoyanov: 'Stoyanova', Iliev: 'Ilieva', Smirnov: 'Smirnova', Kuznetsov: 'Kuznetsova',
    Popov: 'Popova', Sokolov: 'Sokolova', Volkov: 'Volkova', Kozlov: 'Kozlova',
    Novák: 'Nováková', Novak: 'Novakova', Svoboda: 'Svobodová', Dvořák: 'Dvořáková', Dvorak: 'Dvorakova',
    Černý: 'Černá', Baláž: 'Balážová',
  },
};

const romanian: NamePool = {
  label: 'Romanian and Moldovan, with spellings with and without ș and ț',
  girls: [
    'Maria', 'Ioana', 'Andreea', 'Elena', 'Alexandra', 'Gabriela', 'Ana', 'Sofia', 'Daria', 'Bianca',
    'Antonia', 'Denisa', 'Alesia', 'Larisa', 'Medeea', 'Rebeca', 'Natalia', 'Ilinca', 'Irina', 'Cristina',
    'Mădălina', 'Madalina', 'Roxana', 'Alina', 'Raluca', 'Anca', 'Iulia', 'Teodora', 'Evelina', 'Carla',
    'Miruna', 'Delia', 'Ramona', 'Florentina', 'Georgiana', 'Diana', 'Casandra', 'Ariana', 'Amalia', 'Melisa',
  ],
  boys: [
    'Andrei', 'Alexandru', 'Ștefan', 'Stefan', 'Mihai', 'Gabriel', 'David', 'Luca', 'Matei', 'Ionuț',
    'Ionut', 'Darius', 'Rareș', 'Rares', 'Cristian', 'Florin', 'Vlad', 'Adrian', 'Bogdan', 'Ion',
    'Ioan', 'Nicolae', 'Gheorghe', 'Vasile', 'Marius', 'Alin', 'Sorin', 'Robert', 'Denis', 'Eduard',
    'Sebastian', 'Tudor', 'Teodor', 'Antonio', 'Răzvan', 'Razvan', 'Cosmin', 'Daniel', 'Paul', 'Victor',
    'Radu', 'Eric', 'Mario', 'Fabian',
  ],
  surnames: [
    'Popescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu',
    'Constantin', 'Rusu', 'Munteanu', 'Ionescu', 'Mihai', 'Florea', 'Dinu', 'Ene', 'Marin', 'Tudor',
    'Lungu', 'Barbu', 'Nistor', 'Ștefan', 'Stefan', 'Moldovan', 'Dobre', 'Cristea', 'Sandu', 'Toma',
    'Vasile', 'Lazăr', 'Lazar', 'Ursu', 'Oprea', 'Dumitrescu', 'Anghel', 'Neagu', 'Diaconu', 'Preda',
    'Ilie', 'Georgescu', 'Sârbu', 'Sarbu', 'Mocanu', 'Enache', 'Voicu', 'Stanciu', 'Ioniță', 'Ionita',
    'Manea', 'Bălan', 'Balan', 'Niculescu', 'Costea', 'Cojocaru', 'Mureșan', 'Muresan', 'Rădulescu', 'Moraru',
    'Ardelean', 'Zamfir', 'Pavel', 'Iordache', 'Nedelcu', 'Dragomir', 'Avram',
  ],
};

const roma: NamePool = {
  label: 'Roma families from Slovakia, the Czech Republic, Hungary and Romania',
  girls: [
    'Denisa', 'Vanesa', 'Vanessa', 'Nikola', 'Samanta', 'Klaudia', 'Simona', 'Veronika', 'Monika', 'Sabina',
    'Lenka', 'Florentina', 'Ramona', 'Roxana', 'Esmeralda', 'Marcela', 'Andrea', 'Kristína', 'Kristina', 'Natália',
    'Bianka', 'Dajana', 'Romana', 'Rebeka', 'Jessica', 'Sofia', 'Miriam', 'Renáta', 'Erika', 'Loredana',
    'Narcisa', 'Alesia',
  ],
  boys: [
    'Denis', 'Patrik', 'Dávid', 'David', 'Samuel', 'Marek', 'Róbert', 'Robert', 'Kevin', 'Erik',
    'Dominik', 'Matej', 'Alex', 'Marian', 'Florin', 'Costel', 'Fernando', 'Sorin', 'Nicolae', 'Gheorghe',
    'Radek', 'Tomáš', 'Ondrej', 'René', 'Jozef', 'Peter', 'Ladislav', 'Roman', 'Adrián', 'Leonard',
    'Claudiu', 'Bogdan', 'Mario', 'Sebastian', 'Valentin',
  ],
  surnames: [
    'Horváth', 'Horvath', 'Lakatos', 'Lakatoš', 'Balog', 'Baláž', 'Oláh', 'Olah', 'Kováč', 'Kovac',
    'Gábor', 'Gabor', 'Kotlár', 'Rigo', 'Ferko', 'Mirga', 'Sárközi', 'Rostaș', 'Rostas', 'Căldăraru',
    'Caldararu', 'Stănescu', 'Varga', 'Demeter', 'Duda', 'Pompa', 'Dunka', 'Miko', 'Červeňák', 'Giňa',
  ],
  feminineSurnameForms: {
    Horváth: 'Horváthová', Lakatoš: 'Lakatošová', Balog: 'Balogová', Baláž: 'Balážová', Oláh: 'Oláhová',
    Kováč: 'Kováčová', Kovac: 'Kovacova', Gábor: 'Gáborová', Kotlár: 'Kotlárová', Rigo: 'Rigová',
    Ferko: 'Ferková', Mirga: 'Mirgová', Dunka: 'Dunková', Miko: 'Miková', Červeňák: 'Červeňáková',
    Giňa: 'Giňová', Pompa: 'Pompová',
  },
};

const albanian: NamePool = {
  label: 'Albanian and Kosovan, with xh and ë spellings',
  girls: [
    'Ana', 'Arbana', 'Arta', 'Elira', 'Era', 'Jona', 'Klea', 'Ajla', 'Alba', 'Ardita',
    'Bleona', 'Dea', 'Dorina', 'Elona', 'Ema', 'Greta', 'Hana', 'Jonida', 'Kejsi', 'Klara',
    'Lira', 'Megi', 'Mira', 'Noela', 'Rea', 'Sara', 'Xhesika', 'Xheni', 'Enxhi', 'Anxhela',
    'Erëza', 'Ereza', 'Blerta', 'Drita', 'Fjolla',
  ],
  boys: [
    'Ardit', 'Arben', 'Arlind', 'Besart', 'Dorian', 'Drilon', 'Elion', 'Endrit', 'Erion', 'Ermal',
    'Fatjon', 'Florian', 'Gentian', 'Genti', 'Ilir', 'Klajdi', 'Klevis', 'Kristi', 'Luan', 'Mario',
    'Marsel', 'Noel', 'Olsi', 'Redon', 'Rei', 'Rigers', 'Sidrit', 'Xhoni', 'Xhuljan', 'Aldo',
    'Andi', 'Besnik', 'Valon', 'Arbër', 'Arber', 'Dritan',
  ],
  surnames: [
    'Shehu', 'Gashi', 'Krasniqi', 'Hasani', 'Morina', 'Kelmendi', 'Ahmeti', 'Rexhepi', 'Bytyqi', 'Hoti',
    'Leka', 'Dervishi', 'Marku', 'Gjoni', 'Prenga', 'Kola', 'Çela', 'Cela', 'Duka', 'Lala',
    'Mema', 'Basha', 'Dema', 'Daci', 'Shala', 'Hysa', 'Zeqiri', 'Ismaili', 'Beqiri', 'Halili',
    'Tahiri', 'Kastrati', 'Hyseni', 'Selimi', 'Sejdiu', 'Musliu', 'Kryeziu', 'Bajrami', 'Gjoka', 'Hila',
  ],
};

const southAsianHinduSikh: NamePool = {
  label: 'Indian, Sri Lankan and East African Asian Hindu, Sikh, Jain and Christian families (Gujarati, Punjabi, Tamil, Goan)',
  girls: [
    'Priya', 'Anjali', 'Ananya', 'Diya', 'Isha', 'Kavya', 'Meera', 'Mira', 'Riya', 'Ria',
    'Simran', 'Jasleen', 'Harleen', 'Navneet', 'Gurpreet', 'Manpreet', 'Amrit', 'Jaspreet', 'Harpreet', 'Kiran',
    'Pooja', 'Puja', 'Neha', 'Shreya', 'Sanya', 'Tanvi', 'Aarya', 'Avni', 'Ishani', 'Nisha',
    'Divya', 'Aanya', 'Anya', 'Anika', 'Saanvi', 'Prisha', 'Kiara', 'Mahi', 'Navya', 'Sia',
    'Trisha', 'Jasmin', 'Gurleen', 'Harnoor', 'Sehaj', 'Jaskirat', 'Simar', 'Mehak', 'Muskan', 'Sukhmani',
    'Tara', 'Lakshmi', 'Sneha', 'Sahana', 'Dharshini', 'Thanusha', 'Keerthana', 'Aditi', 'Anushka', 'Ishita',
    'Jiya', 'Khushi', 'Krisha', 'Mansi', 'Nikita', 'Pari', 'Reet', 'Sukhleen',
  ],
  boys: [
    'Arjun', 'Aarav', 'Rohan', 'Vihaan', 'Dev', 'Krish', 'Aryan', 'Ishaan', 'Rahul', 'Ravi',
    'Sai', 'Vivaan', 'Jaskaran', 'Harjot', 'Gurveer', 'Arjan', 'Jasdeep', 'Manveer', 'Harvinder', 'Sukhdeep',
    'Karan', 'Veer', 'Kabir', 'Shiv', 'Yash', 'Om', 'Neel', 'Nikhil', 'Aditya', 'Sahil',
    'Rishi', 'Hari', 'Jai', 'Jay', 'Amar', 'Ajay', 'Vikram', 'Sanjay', 'Ranveer', 'Rajveer',
    'Harman', 'Harkirat', 'Jasraj', 'Ekam', 'Fateh', 'Amrit', 'Navdeep', 'Parth', 'Pranav', 'Reyansh',
    'Shaurya', 'Advik', 'Atharv', 'Tejas', 'Vedant', 'Yuvraj', 'Darsh', 'Hardik', 'Mihir', 'Kishan',
    'Krishna', 'Suraj', 'Tharun', 'Karthik', 'Nithin', 'Arun', 'Sachin', 'Jaskirat',
  ],
  surnames: [
    'Patel', 'Shah', 'Singh', 'Sharma', 'Gill', 'Sandhu', 'Sidhu', 'Dhillon', 'Grewal', 'Bains',
    'Kumar', 'Mistry', 'Parmar', 'Chauhan', 'Joshi', 'Mehta', 'Desai', 'Gupta', 'Verma', 'Rana',
    'Thakkar', 'Pandya', 'Solanki', 'Chohan', 'Bhatt', 'Lal', 'Rai', 'Nair', 'Pillai', 'Reddy',
    'Iyer', 'Bhogal', 'Sahota', 'Johal', 'Atwal', 'Mann', 'Hayer', 'Virdi', 'Randhawa', 'Kalsi',
    'Chana', 'Dhaliwal', 'Sohal', 'Basra', 'Kang', 'Sangha', 'Sohi', 'Bassi', 'Aujla', 'Thind',
    'Bhamra', 'Panesar', 'Gohil', 'Rathod', 'Makwana', 'Vaghela', 'Lad', 'Naik', 'Trivedi', 'Dave',
    'Vyas', 'Pandit', 'Mishra', 'Tiwari', 'Chopra', 'Kapoor', 'Malhotra', 'Khanna', 'Arora', 'Bhatia',
    'Sethi', 'Anand', 'Ahuja', 'Sodha', 'Karia', 'Kotecha', 'Lakhani', 'Thakrar', 'Popat', 'Kandola',
    'Mahal', 'Ghuman', 'Chahal', 'Cheema', 'Bajwa', 'Sekhon', 'Toor', 'Sivakumar', 'Krishnan', 'Rajendran',
    'Selvarajah', 'Fernandes', "D'Souza", 'DSouza', "D'Costa", 'Pereira', 'Lobo', 'Rodrigues',
  ],
  femaleSurnames: ['Kaur'],
};

const pakistani: NamePool = {
  label: 'Pakistani and Kashmiri (Mirpuri) Muslim families, with the common transliterations',
  girls: [
    'Aisha', 'Ayesha', 'Aysha', 'Maryam', 'Mariam', 'Zainab', 'Zaynab', 'Fatima', 'Fatimah', 'Hafsa',
    'Hafsah', 'Khadija', 'Khadijah', 'Amna', 'Aleena', 'Alina', 'Anaya', 'Zara', 'Zahra', 'Hania',
    'Haniya', 'Iqra', 'Noor', 'Nur', 'Eman', 'Iman', 'Imaan', 'Inaya', 'Alishba', 'Hoorain',
    'Mahnoor', 'Rimsha', 'Sana', 'Sidra', 'Hira', 'Laiba', 'Areeba', 'Ayat', 'Aairah', 'Aleeza',
    'Hiba', 'Minahil', 'Manahil', 'Anabia', 'Safa', 'Marwa', 'Mehreen', 'Nadia', 'Amira', 'Ameera',
    'Sumaira', 'Tayyaba', 'Umaima', 'Zoya', 'Zoha', 'Anum', 'Saba', 'Rabia', 'Asma', 'Mishal',
    'Samia', 'Aliza', 'Eshal', 'Dua', 'Raniya',
  ],
  boys: [
    'Muhammad', 'Mohammed', 'Mohammad', 'Mohamed', 'Ahmed', 'Ahmad', 'Ali', 'Hamza', 'Hamzah', 'Ibrahim',
    'Yusuf', 'Yousuf', 'Yousaf', 'Musa', 'Moosa', 'Zayn', 'Zain', 'Ayaan', 'Rayyan', 'Rayan',
    'Haris', 'Hassan', 'Hasan', 'Hussain', 'Husain', 'Bilal', 'Umar', 'Omar', 'Usman', 'Uthman',
    'Abdullah', 'Ismail', 'Ismaeel', 'Zakariya', 'Zakaria', 'Idris', 'Adam', 'Ehsan', 'Arham', 'Aayan',
    'Saad', 'Shayan', 'Talha', 'Imran', 'Faisal', 'Rehan', 'Danyal', 'Daniyal', 'Haider', 'Hyder',
    'Abdul Rahman', 'Abdul Hadi', 'Muhammad Ali', 'Muhammad Ibrahim', 'Mohammed Yusuf', 'Zakir', 'Junaid', 'Arslan', 'Azaan', 'Ayan',
    'Sufyan', 'Sufian', 'Mikail', 'Mikaeel', 'Harris', 'Sameer', 'Samir', 'Kashif', 'Asad', 'Waleed',
  ],
  surnames: [
    'Khan', 'Ahmed', 'Ahmad', 'Hussain', 'Hussein', 'Ali', 'Akhtar', 'Mahmood', 'Mahmud', 'Iqbal',
    'Shah', 'Rashid', 'Malik', 'Butt', 'Aslam', 'Bashir', 'Rehman', 'Rahman', 'Raza', 'Javed',
    'Javaid', 'Nawaz', 'Qureshi', 'Chaudhry', 'Chaudhary', 'Choudhry', 'Mirza', 'Riaz', 'Anwar', 'Sadiq',
    'Saddique', 'Siddique', 'Siddiqui', 'Yousaf', 'Yousuf', 'Zaman', 'Hanif', 'Latif', 'Arshad', 'Rafiq',
    'Shafiq', 'Sultan', 'Tariq', 'Abbas', 'Haider', 'Kazmi', 'Naqvi', 'Bukhari', 'Awan', 'Dar',
    'Mir', 'Sheikh', 'Shaikh', 'Mughal', 'Jamil', 'Ashraf', 'Nazir', 'Farooq', 'Faruk', 'Ishaq',
    'Azam', 'Karim', 'Hameed', 'Hamid', 'Majid', 'Sabir', 'Aziz', 'Saleem', 'Salim', 'Younis',
    'Younas', 'Parvez', 'Pervaiz', 'Safdar', 'Hafeez', 'Rauf', 'Mehmood', 'Hassan', 'Ul-Haq', 'Ul Haq',
    'Ahmed-Khan',
  ],
  femaleSurnames: ['Bibi', 'Begum', 'Kausar', 'Kauser', 'Parveen', 'Perveen', 'Nasreen'],
};

const bangladeshi: NamePool = {
  label: 'Bangladeshi (mostly Sylheti) families, with Md and Mohammed as written on documents',
  girls: [
    'Tasnim', 'Tasneem', 'Nusrat', 'Sumaiya', 'Sumaya', 'Sadia', 'Fariha', 'Raisa', 'Jannat', 'Tahmina',
    'Nafisa', 'Anika', 'Ayesha', 'Aisha', 'Mahira', 'Shirin', 'Ruksana', 'Rukhsana', 'Farzana', 'Shamima',
    'Sabrina', 'Tahira', 'Rumana', 'Labiba', 'Maliha', 'Nabila', 'Samiha', 'Zarin', 'Sanjida', 'Afsana',
    'Safiya', 'Safia', 'Hafsa', 'Maryam', 'Fatema', 'Fatima', 'Nur Jahan', 'Mehjabin', 'Tanjila', 'Sharmin',
    'Rima', 'Riya', 'Ishrat', 'Humaira', 'Mim', 'Tania', 'Jesmin', 'Yasmin', 'Halima', 'Sumaiyah',
  ],
  boys: [
    'Mohammed', 'Mohammad', 'Muhammad', 'Md Abdul', 'Md Rayhan', 'Abdul', 'Abdur Rahman', 'Rahim', 'Tanvir', 'Tanveer',
    'Sabbir', 'Shahid', 'Rayhan', 'Raihan', 'Rehan', 'Arif', 'Nabil', 'Nahid', 'Imran', 'Saiful',
    'Shafiq', 'Mahfuz', 'Rafi', 'Rifat', 'Sami', 'Tahmid', 'Zubair', 'Zubayr', 'Ayaan', 'Yahya',
    'Eesa', 'Isa', 'Ismail', 'Ibrahim', 'Musa', 'Adnan', 'Ashik', 'Jubair', 'Faisal', 'Fahim',
    'Hasan', 'Hussain', 'Hossain', 'Shahin', 'Shahed', 'Rubel', 'Jamal', 'Kamal', 'Nayeem', 'Naim',
    'Sakib', 'Shakib', 'Tamim', 'Mehdi', 'Yusuf',
  ],
  surnames: [
    'Rahman', 'Rahaman', 'Ahmed', 'Miah', 'Mia', 'Uddin', 'Hussain', 'Hossain', 'Islam', 'Ali',
    'Chowdhury', 'Choudhury', 'Chowdhry', 'Khan', 'Haque', 'Hoque', 'Huq', 'Karim', 'Alam', 'Rashid',
    'Sarkar', 'Bhuiyan', 'Talukder', 'Ullah', 'Malik', 'Mahmud', 'Sheikh', 'Kabir', 'Hasan', 'Siddique',
    'Sikder', 'Mondal', 'Molla', 'Mollah', 'Munshi', 'Patwary', 'Majumder', 'Bhuiya', 'Ahmed-Miah', 'Abdullah',
    'Quddus', 'Zaman', 'Hannan', 'Kalam', 'Jalal', 'Mannan', 'Matin', 'Shah',
  ],
  femaleSurnames: ['Begum', 'Khatun', 'Khatoon', 'Akter', 'Akhter', 'Sultana', 'Khanom', 'Khanam', 'Bibi', 'Nessa'],
};

const afghan: NamePool = {
  label: 'Afghan (Pashto and Dari speaking) families, including unaccompanied children',
  girls: [
    'Zahra', 'Maryam', 'Fatima', 'Mursal', 'Parwana', 'Nazanin', 'Shabnam', 'Hadia', 'Yalda', 'Madina',
    'Marwa', 'Farishta', 'Fereshteh', 'Nilofar', 'Niloufar', 'Zarghona', 'Sahar', 'Laila', 'Sadaf', 'Tamana',
    'Mina', 'Khatera', 'Roya', 'Asma', 'Hasina', 'Palwasha', 'Mahbooba', 'Freshta', 'Zainab', 'Sitara',
    'Setara', 'Muska', 'Arezo', 'Arezoo', 'Nargis',
  ],
  boys: [
    'Ahmad', 'Mohammad', 'Mohammed', 'Ali', 'Hamid', 'Mustafa', 'Omid', 'Omed', 'Farhad', 'Jawad',
    'Javed', 'Rahmatullah', 'Hekmatullah', 'Hikmatullah', 'Sayed', 'Said', 'Sohail', 'Suhail', 'Nasir', 'Naseer',
    'Wahid', 'Zabihullah', 'Habibullah', 'Emal', 'Mirwais', 'Shafiq', 'Shafiullah', 'Abdul', 'Bilal', 'Idris',
    'Samiullah', 'Najib', 'Naqib', 'Bashir', 'Rashid', 'Yama', 'Aziz', 'Ajmal', 'Ismail', 'Noorullah',
    'Zia', 'Rohullah', 'Ruhullah',
  ],
  surnames: [
    'Ahmadi', 'Ahmadzai', 'Hakimi', 'Karimi', 'Rahimi', 'Rezaei', 'Rezai', 'Hashimi', 'Hashemi', 'Hussaini',
    'Hosseini', 'Sultani', 'Safi', 'Stanikzai', 'Popal', 'Popalzai', 'Durrani', 'Noori', 'Nuri', 'Sadat',
    'Amiri', 'Azizi', 'Haidari', 'Haideri', 'Mohammadi', 'Muhammadi', 'Niazi', 'Qaderi', 'Qadiri', 'Rasuli',
    'Sahak', 'Samadi', 'Shinwari', 'Wardak', 'Zazai', 'Zadran', 'Mangal', 'Jalali', 'Faizi', 'Akbari',
    'Barakzai', 'Taheri', 'Habibi', 'Nazari', 'Noorzai',
  ],
};

const westAfrican: NamePool = {
  label: 'Nigerian (Yoruba, Igbo, Hausa), Ghanaian (Akan, Ga) and Sierra Leonean and Gambian families',
  girls: [
    'Oluwaseun', 'Oluwaseyi', 'Oluwatobi', 'Oluwatoyin', 'Oluwadamilola', 'Adaeze', 'Chiamaka', 'Chioma', 'Ngozi', 'Amara',
    'Adaora', 'Ifeoma', 'Nkechi', 'Ebube', 'Chidinma', 'Temitope', 'Titilayo', 'Folake', 'Funmilayo', 'Ayomide',
    'Ayodele', 'Damilola', 'Ireoluwa', 'Precious', 'Blessing', 'Favour', 'Esther', 'Abigail', 'Deborah', 'Princess',
    'Grace', 'Akosua', 'Ama', 'Abena', 'Adwoa', 'Adjoa', 'Efua', 'Yaa', 'Afia', 'Afua',
    'Maame', 'Nana', 'Esi', 'Kemi', 'Tolu', 'Tiwa', 'Ife', 'Zainab', 'Hauwa', 'Amina',
    'Halima', 'Isatou', 'Fatou', 'Mariama', 'Aminata', 'Hawa', 'Oyinkansola', 'Morenike', 'Eniola', 'Toluwani',
    'Jessica', 'Miracle', 'Divine', 'Peace', 'Testimony',
  ],
  boys: [
    'Oluwaseun', 'Oluwaseyi', 'Oluwatobi', 'Oluwafemi', 'Olumide', 'Tobi', 'Tobiloba', 'Ayomide', 'Damilare', 'David',
    'Daniel', 'Emmanuel', 'Samuel', 'Joshua', 'Michael', 'Chinedu', 'Chidi', 'Chukwuemeka', 'Emeka', 'Obinna',
    'Ikenna', 'Kelechi', 'Chibuike', 'Tunde', 'Babatunde', 'Adebayo', 'Ademola', 'Adewale', 'Olamide', 'Kwame',
    'Kwabena', 'Kofi', 'Kojo', 'Kwaku', 'Yaw', 'Kwasi', 'Kwesi', 'Nana', 'Kobby', 'Jesse',
    'Ebenezer', 'Prince', 'Ibrahim', 'Abubakar', 'Musa', 'Sani', 'Usman', 'Lamin', 'Ousman', 'Alhaji',
    'Modou', 'Mohamed', 'Samuel-Kofi', 'Toluwalope', 'Ayodeji', 'Oluwadamilare', 'Somtochukwu', 'Chisom', 'Favour', 'Gideon',
    'Elijah', 'Israel', 'Jeremiah', 'Victor', 'Marvellous',
  ],
  surnames: [
    'Adeyemi', 'Adebayo', 'Okafor', 'Okeke', 'Okonkwo', 'Okoro', 'Nwosu', 'Nwachukwu', 'Eze', 'Obi',
    'Onyeka', 'Chukwu', 'Ogunleye', 'Ogunbiyi', 'Olaniyan', 'Bello', 'Balogun', 'Adeleke', 'Adewale', 'Akinola',
    'Akande', 'Afolabi', 'Oladipo', 'Oyewole', 'Olawale', 'Ojo', 'Oni', 'Adeyemo', 'Adekunle', 'Ogunsola',
    'Okonjo', 'Nwankwo', 'Ibe', 'Uche', 'Onuoha', 'Anyanwu', 'Ibrahim', 'Abubakar', 'Yusuf', 'Suleiman',
    'Owusu', 'Mensah', 'Asante', 'Boateng', 'Osei', 'Agyeman', 'Appiah', 'Ansah', 'Amoah', 'Darko',
    'Badu', 'Asamoah', 'Ofori', 'Opoku', 'Acheampong', 'Adjei', 'Addo', 'Amponsah', 'Frimpong', 'Sarpong',
    'Yeboah', 'Quaye', 'Tetteh', 'Quartey', 'Lamptey', 'Sesay', 'Kamara', 'Conteh', 'Bangura', 'Jalloh',
    'Bah', 'Diallo', 'Ceesay', 'Jallow', 'Njie', 'Touray', 'Sanneh', 'Adeyemi-Okafor', 'Owusu-Ansah', 'Boateng-Mensah',
  ],
};

const eastAfrican: NamePool = {
  label: 'Somali, Eritrean, Ethiopian and Sudanese families, with Somali x and c spellings',
  girls: [
    'Hodan', 'Hibo', 'Ayan', 'Ayaan', 'Sagal', 'Nimco', 'Ifrah', 'Ikran', 'Muna', 'Fadumo',
    'Faadumo', 'Hamdi', 'Hafsa', 'Sumaya', 'Amina', 'Aamina', 'Asha', 'Caasha', 'Sahra', 'Safiya',
    'Nasra', 'Leyla', 'Layla', 'Yasmin', 'Hawa', 'Xawa', 'Khadra', 'Deeqa', 'Ruqiya', 'Idil',
    'Nafiso', 'Maryan', 'Maryam', 'Hanan', 'Fardowsa', 'Filsan', 'Selam', 'Helen', 'Hiwet', 'Senait',
    'Rahel', 'Winta', 'Saba', 'Feven', 'Meron', 'Tigist',
  ],
  boys: [
    'Abdi', 'Abdirahman', 'Abdulrahman', 'Abdullahi', 'Mohamed', 'Maxamed', 'Mahamed', 'Mohamud', 'Ahmed', 'Axmed',
    'Yusuf', 'Hassan', 'Xasan', 'Omar', 'Cumar', 'Ali', 'Cali', 'Ismail', 'Ismaaciil', 'Hamza',
    'Bilal', 'Khalid', 'Liban', 'Hamse', 'Zakariye', 'Abdikarim', 'Abdiaziz', 'Mustafe', 'Ayub', 'Ayuub',
    'Sharmarke', 'Guled', 'Hussein', 'Xuseen', 'Osman', 'Cismaan', 'Yonas', 'Dawit', 'Samuel', 'Filmon',
    'Biniam', 'Robel', 'Mehari', 'Yohannes', 'Abel', 'Natnael', 'Elias', 'Mussie', 'Tesfalem', 'Abdelrahman',
  ],
  surnames: [
    'Mohamed', 'Mohammed', 'Ahmed', 'Ali', 'Hassan', 'Hussein', 'Abdi', 'Omar', 'Farah', 'Jama',
    'Nur', 'Noor', 'Osman', 'Ismail', 'Yusuf', 'Warsame', 'Abdullahi', 'Aden', 'Adan', 'Egal',
    'Elmi', 'Mohamud', 'Mahamud', 'Hersi', 'Hirsi', 'Dahir', 'Duale', 'Dualeh', 'Gedi', 'Guled',
    'Ibrahim', 'Isse', 'Jibril', 'Awale', 'Barre', 'Bile', 'Dirie', 'Haji', 'Hashi', 'Mohamoud',
    'Musse', 'Roble', 'Said', 'Samatar', 'Shire', 'Yasin', 'Abdillahi', 'Tesfay', 'Tesfaye', 'Gebremedhin',
    'Kidane', 'Haile', 'Berhane', 'Tekle', 'Ghebremichael', 'Woldemariam', 'Tewolde', 'Abraha', 'Mengistu', 'Osman-Ali',
  ],
};

const caribbean: NamePool = {
  label: 'Caribbean-heritage families (Jamaican, Barbadian, Trinidadian, Grenadian)',
  girls: [
    'Shanice', 'Shantelle', 'Tiana', 'Tianna', 'Kiara', 'Jada', 'Aaliyah', 'Tia', 'Amani', 'Imani',
    'Nia', 'Kayla', 'Jasmine', 'Chantelle', 'Precious', 'Destiny', 'Tamara', 'Keisha', 'Renee', 'Mya',
    'Amaya', 'Nevaeh', 'Kezia', 'Keziah', 'Akilah', 'Jahzara', 'Naomi', 'Leah', 'Simone', 'Sade',
    'Tyra', 'Shanelle', 'Trinity', 'Janelle', 'Latoya', 'Shaniqua', 'Monique', 'Marcia', 'Jodie', 'Ruth',
    'Zuri', 'Ayanna', 'Kemisha', 'Tanisha', 'Makayla', 'Nyla', 'Eden', 'Zion',
  ],
  boys: [
    'Jaden', 'Jayden', 'Kai', 'Malachi', 'Tyrese', 'Jamal', 'Jermaine', 'Kyron', 'Kyrie', 'Marley',
    'Nathaniel', 'Isaiah', 'Josiah', 'Micah', 'Elijah', 'Ezekiel', 'Tyrell', 'Keon', 'Reuben', 'Dante',
    'Andre', 'Kareem', 'Omari', 'Jahmal', 'Darnell', 'Devon', 'Romeo', 'Zachary', 'Levi', 'Caleb',
    'Joel', 'Jordan', 'Dwayne', 'Leon', 'Marcus', 'Ashton', 'Kaden', 'Kayden', 'Tristan', 'Trey',
    'Khalil', 'Kymani', 'Jahiem', 'Dontae', 'Reggie', 'Jermaine-Lee', 'Jermel', 'Troy', 'Dominic', 'Zion',
    'Aaron', 'Ellis', 'Xavier', 'Tyrone', 'Winston',
  ],
  surnames: [
    'Campbell', 'Brown', 'Williams', 'Thomas', 'Grant', 'Francis', 'Clarke', 'Henry', 'Reid', 'Morgan',
    'Johnson', 'Robinson', 'James', 'Richards', 'Gordon', 'Bailey', 'Lewis', 'Edwards', 'Samuels', 'Bennett',
    'Powell', 'Thompson', 'Wright', 'Spencer', 'Stewart', 'McKenzie', 'Gayle', 'Hinds', 'Blake', 'Daley',
    'Forbes', 'Lindo', 'Malcolm', 'Walters', 'Palmer', 'Beckford', 'Bryan', 'Dixon', 'Anderson', 'Allen',
    'Hamilton', 'Ellis', 'Simpson', 'Barrett', 'Sinclair', 'Weekes', 'Greaves', 'Alleyne', 'Mullings', 'Tulloch',
    'Ferguson', 'Brissett', 'Wray', 'Whyte', 'Chambers', 'Christie', 'Facey', 'Gooding', 'Harriott', 'Lawrence',
    'McLean', 'Nembhard', 'Rhoden', 'St Louis', 'St. Hilaire', 'Brown-Campbell', 'Francis-Grant',
  ],
};

const chinese: NamePool = {
  label: 'Chinese families: Mandarin (pinyin) and Cantonese romanisations, and English first names',
  girls: [
    'Xinyi', 'Zihan', 'Yutong', 'Yuxuan', 'Jiayi', 'Ruoxi', 'Yiyi', 'Yuqi', 'Siyu', 'Wenjing',
    'Mengyao', 'Xiaoyu', 'Shuyi', 'Zixuan', 'Mei', 'Mei Ling', 'Meiling', 'Wing Yan', 'Hoi Yan', 'Ka Yan',
    'Pui Yee', 'Suet Ying', 'Hoi Ling', 'Man Yi', 'Yan', 'Ying', 'Lin', 'Chloe', 'Jasmine', 'Grace',
    'Angela', 'Emily', 'Michelle', 'Karen', 'Vivian', 'Catherine', 'Sophie', 'Amy', 'Joyce', 'Crystal',
  ],
  boys: [
    'Haoran', 'Zihao', 'Yuchen', 'Yuxuan', 'Junhao', 'Zhiyuan', 'Jiahao', 'Hao', 'Wei', 'Jun',
    'Ming', 'Tian', 'Yifan', 'Zhenyu', 'Ka Ho', 'Chun Kit', 'Wing Hong', 'Ho Yin', 'Tsz Hin', 'Chi Wai',
    'Kin Man', 'Ka Chun', 'Wai Lun', 'Ethan', 'Ryan', 'Jason', 'Kevin', 'Alvin', 'Eric', 'Jacky',
    'Andy', 'Daniel', 'Marcus', 'Lucas', 'Nathan', 'Justin', 'Aaron', 'Oscar', 'Alex', 'Henry',
  ],
  surnames: [
    'Wang', 'Wong', 'Li', 'Lee', 'Zhang', 'Cheung', 'Chan', 'Chen', 'Liu', 'Lau',
    'Yang', 'Yeung', 'Huang', 'Zhao', 'Chiu', 'Wu', 'Ng', 'Zhou', 'Chow', 'Xu',
    'Tsui', 'Sun', 'Ma', 'Zhu', 'Chu', 'Hu', 'Guo', 'Kwok', 'He', 'Ho',
    'Lin', 'Lam', 'Luo', 'Law', 'Tang', 'Tong', 'Cheng', 'Ching', 'Leung', 'Liang',
    'Fung', 'Feng', 'Yip', 'Ye', 'Tsang', 'Zeng', 'Tse', 'Xie', 'Lai', 'Kwan',
    'Guan', 'Mak', 'Mai', 'Yu', 'Tam', 'Tan', 'Poon', 'Pan', 'Fok', 'Siu',
  ],
};

const vietnamese: NamePool = {
  label: 'Vietnamese families, with and without tone marks',
  girls: [
    'Linh', 'Anh', 'Ngọc', 'Ngoc', 'Thảo', 'Thao', 'Trang', 'Mai', 'Lan', 'Hương',
    'Huong', 'Vy', 'My', 'Nhi', 'Hoa', 'Phương', 'Phuong', 'Quỳnh', 'Quynh', 'Yen',
    'Ha', 'Hanh', 'Thuy', 'Hien', 'Tram', 'Uyen', 'Khanh Linh', 'Bao Ngoc', 'Minh Anh', 'Thu',
  ],
  boys: [
    'Minh', 'Đức', 'Duc', 'Huy', 'Khoa', 'Bảo', 'Bao', 'Long', 'Nam', 'Quang',
    'Tuấn', 'Tuan', 'Hung', 'Dũng', 'Dung', 'Phuc', 'Khang', 'Thanh', 'Trung', 'Vinh',
    'Hieu', 'Hoang', 'Son', 'Tien', 'Dat', 'Hai', 'Kien', 'Gia Huy', 'Minh Khoa', 'Anh Tuan',
  ],
  surnames: [
    'Nguyễn', 'Nguyen', 'Trần', 'Tran', 'Lê', 'Le', 'Phạm', 'Pham', 'Hoàng', 'Hoang',
    'Huỳnh', 'Huynh', 'Phan', 'Vũ', 'Vu', 'Võ', 'Vo', 'Đặng', 'Dang', 'Bùi',
    'Bui', 'Đỗ', 'Do', 'Ho', 'Ngo', 'Duong', 'Ly', 'Dinh', 'Truong', 'Lam',
    'Mai', 'Cao', 'Trinh', 'Doan', 'Luong',
  ],
};

const arabic: NamePool = {
  label: 'Arabic-speaking families (Syrian, Iraqi, Sudanese, Yemeni, Egyptian, Moroccan), with Al- written several ways',
  girls: [
    'Maryam', 'Mariam', 'Fatima', 'Fatema', 'Nour', 'Noor', 'Layla', 'Leila', 'Lina', 'Leen',
    'Jana', 'Sara', 'Sarah', 'Salma', 'Hala', 'Yasmin', 'Yasmine', 'Rania', 'Reem', 'Rim',
    'Dana', 'Aya', 'Ayah', 'Malak', 'Mira', 'Nada', 'Huda', 'Hanan', 'Amal', 'Rahaf',
    'Raghad', 'Shahd', 'Sham', 'Tala', 'Zeina', 'Zaynab', 'Aisha', 'Aicha', 'Khadija', 'Hiba',
    'Joud', 'Lujain', 'Ruqayya', 'Sumayyah', 'Hajar', 'Safa', 'Ghazal', 'Nisreen', 'Asmaa', 'Esraa',
    'Iman', 'Judy', 'Lamar', 'Maya', 'Sidra',
  ],
  boys: [
    'Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'Ahmad', 'Ahmed', 'Omar', 'Umar', 'Ali', 'Yousef',
    'Youssef', 'Yusuf', 'Ibrahim', 'Abdullah', 'Abdallah', 'Hamza', 'Khaled', 'Khalid', 'Adam', 'Karim',
    'Kareem', 'Mahmoud', 'Mahmud', 'Mustafa', 'Moustafa', 'Hassan', 'Hussein', 'Hussain', 'Amir', 'Ameer',
    'Zaid', 'Zayd', 'Samir', 'Sami', 'Tariq', 'Tarek', 'Walid', 'Bilal', 'Ayman', 'Anas',
    'Yahya', 'Ilyas', 'Elias', 'Idris', 'Rayan', 'Jad', 'Jawad', 'Abdulrahman', 'Abd al-Rahman', 'Abdelrahman',
    'Osama', 'Usama', 'Majd', 'Qusai', 'Hadi', 'Fadi', 'Rami', 'Nabil', 'Salem', 'Yazan',
  ],
  surnames: [
    'Al-Hassan', 'Al Hassan', 'Alhassan', 'Al-Ahmad', 'Al-Ali', 'Al-Rashid', 'Al Rashid', 'Alrashid', 'Al-Khatib', 'Al Khatib',
    'Alkhatib', 'El-Sayed', 'El Sayed', 'Elsayed', 'Abdullah', 'Abdallah', 'Ahmed', 'Hassan', 'Hussein', 'Ibrahim',
    'Mahmoud', 'Mohamed', 'Mustafa', 'Saleh', 'Salih', 'Khalil', 'Haddad', 'Mansour', 'Mansoor', 'Nasser',
    'Nasr', 'Said', 'Saeed', 'Hamdan', 'Hamid', 'Aziz', 'Abbas', 'Othman', 'Osman', 'Yousef',
    'Jaber', 'Jabir', 'Qasim', 'Kassim', 'Kassem', 'Darwish', 'Najjar', 'Khoury', 'Farah', 'Habib',
    'Sultan', 'Suleiman', 'Sulaiman', 'Al-Obaidi', 'Al-Jabouri', 'Al-Tamimi', 'Al-Hashimi', 'Ben Ali', 'Benali', 'Bouzid',
    'El Amrani', 'Idrissi',
  ],
};

const turkishKurdish: NamePool = {
  label: 'Turkish, Turkish Cypriot and Kurdish families, with spellings with and without Turkish letters',
  girls: [
    'Elif', 'Zeynep', 'Defne', 'Ecrin', 'Azra', 'Eylül', 'Eylul', 'Asel', 'Ela', 'Nehir',
    'Meryem', 'Hiranur', 'Yağmur', 'Yagmur', 'Buse', 'Sude', 'Ceren', 'İrem', 'Irem', 'Derya',
    'Nisa', 'Esra', 'Melis', 'Dilan', 'Rojin', 'Berfin', 'Evin', 'Zilan', 'Jiyan', 'Nazdar',
    'Roza', 'Shilan', 'Helin', 'Avin', 'Viyan', 'Nazlı', 'Nazli', 'Ayşe', 'Ayse', 'Gül',
    'Gul', 'Havin', 'Rojda', 'Beritan', 'Sevda',
  ],
  boys: [
    'Yusuf', 'Eymen', 'Ömer', 'Omer', 'Mustafa', 'Ahmet', 'Mehmet', 'Emir', 'Kerem', 'Ali',
    'Hamza', 'Efe', 'Aras', 'Alp', 'Burak', 'Deniz', 'Emre', 'Can', 'Cem', 'Baran',
    'Berat', 'Çınar', 'Cinar', 'Kaan', 'Mert', 'Serhat', 'Serdar', 'Rojhat', 'Azad', 'Diyar',
    'Rebin', 'Aram', 'Hawar', 'Karwan', 'Zana', 'Dilshad', 'Shvan', 'Soran', 'Hüseyin', 'Huseyin',
    'İbrahim', 'Ibrahim', 'Şahin', 'Sahin', 'Rêber', 'Reber', 'Bawan', 'Hemin', 'Rawand', 'Alan',
  ],
  surnames: [
    'Yılmaz', 'Yilmaz', 'Kaya', 'Demir', 'Şahin', 'Sahin', 'Çelik', 'Celik', 'Yıldız', 'Yildiz',
    'Yıldırım', 'Yildirim', 'Öztürk', 'Ozturk', 'Aydın', 'Aydin', 'Özdemir', 'Ozdemir', 'Arslan', 'Doğan',
    'Dogan', 'Kılıç', 'Kilic', 'Aslan', 'Çetin', 'Cetin', 'Kara', 'Koç', 'Koc', 'Kurt',
    'Özkan', 'Şimşek', 'Polat', 'Korkmaz', 'Erdem', 'Güler', 'Tekin', 'Aksoy', 'Ateş', 'Bulut',
    'Keskin', 'Ünal', 'Karaca', 'Turan', 'Baran', 'Rasul', 'Hama', 'Qadir', 'Kadir', 'Omer',
    'Faraj', 'Amin', 'Abdulla', 'Salih', 'Hawrami', 'Zangana', 'Mahmood', 'Rashid',
  ],
};

/** Every pool, by naming tradition. */
export const NAME_POOLS: Readonly<Record<NamingTradition, NamePool>> = {
  english,
  modern_british: modernBritish,
  irish,
  traveller,
  polish,
  eastern_european: easternEuropean,
  romanian,
  roma,
  albanian,
  south_asian_hindu_sikh: southAsianHinduSikh,
  pakistani,
  bangladeshi,
  afghan,
  west_african: westAfrican,
  east_african: eastAfrican,
  caribbean,
  chinese,
  vietnamese,
  arabic,
  turkish_kurdish: turkishKurdish,
};

export interface NamingMix {
  /** Traditions a child's first name is drawn from. */
  readonly firstNames: Weights<NamingTradition>;
  /** Traditions the family surname is drawn from. */
  readonly surnames: Weights<NamingTradition>;
}

/**
 * Where the names of a child of each ethnicity come from. A coarse, deliberately plausible
 * guess, not a measurement. Afghan, Kurdish, Vietnamese and Arab children sit under OOTH
 * as in the DfE extended codes; Albanian, Kosovan and Turkish under WOTH.
 */
export const NAMING_TRADITIONS_BY_ETHNICITY: Readonly<Record<EthnicityCode, NamingMix>> = {
  WBRI: {
    firstNames: { modern_british: 0.75, english: 0.22, irish: 0.03 },
    surnames: { english: 0.8, modern_british: 0.15, irish: 0.05 },
  },
  WIRI: {
    firstNames: { irish: 0.5, modern_british: 0.4, english: 0.1 },
    surnames: { irish: 0.85, english: 0.1, modern_british: 0.05 },
  },
  WIRT: {
    firstNames: { traveller: 0.7, modern_british: 0.2, irish: 0.1 },
    surnames: { traveller: 0.85, irish: 0.1, english: 0.05 },
  },
  WOTH: {
    firstNames: {
      polish: 0.28, romanian: 0.2, eastern_european: 0.2, albanian: 0.08, turkish_kurdish: 0.06,
      modern_british: 0.18,
    },
    surnames: {
      polish: 0.3, romanian: 0.22, eastern_european: 0.22, albanian: 0.08, turkish_kurdish: 0.08,
      english: 0.1,
    },
  },
  WROM: {
    firstNames: { roma: 0.7, romanian: 0.15, modern_british: 0.15 },
    surnames: { roma: 0.8, romanian: 0.2 },
  },
  MWBC: {
    firstNames: { modern_british: 0.7, caribbean: 0.3 },
    surnames: { english: 0.5, caribbean: 0.4, modern_british: 0.1 },
  },
  MWBA: {
    firstNames: { modern_british: 0.5, west_african: 0.35, east_african: 0.15 },
    surnames: { english: 0.45, west_african: 0.4, east_african: 0.15 },
  },
  MWAS: {
    firstNames: {
      modern_british: 0.5, south_asian_hindu_sikh: 0.2, pakistani: 0.2, bangladeshi: 0.05, chinese: 0.05,
    },
    surnames: {
      english: 0.45, modern_british: 0.05, south_asian_hindu_sikh: 0.2, pakistani: 0.2, bangladeshi: 0.05,
      chinese: 0.05,
    },
  },
  MOTH: {
    firstNames: {
      modern_british: 0.55, arabic: 0.1, caribbean: 0.1, west_african: 0.05, pakistani: 0.05,
      turkish_kurdish: 0.05, polish: 0.05, chinese: 0.05,
    },
    surnames: {
      english: 0.45, modern_british: 0.1, arabic: 0.1, caribbean: 0.1, west_african: 0.07,
      pakistani: 0.07, turkish_kurdish: 0.05, chinese: 0.06,
    },
  },
  AIND: {
    firstNames: { south_asian_hindu_sikh: 0.8, modern_british: 0.15, pakistani: 0.05 },
    surnames: { south_asian_hindu_sikh: 0.9, pakistani: 0.1 },
  },
  APKN: {
    firstNames: { pakistani: 0.92, modern_british: 0.05, arabic: 0.03 },
    surnames: { pakistani: 1 },
  },
  ABAN: {
    firstNames: { bangladeshi: 0.85, pakistani: 0.05, arabic: 0.05, modern_british: 0.05 },
    surnames: { bangladeshi: 1 },
  },
  AOTH: {
    firstNames: { south_asian_hindu_sikh: 0.55, pakistani: 0.15, afghan: 0.1, modern_british: 0.2 },
    surnames: { south_asian_hindu_sikh: 0.65, pakistani: 0.15, afghan: 0.1, english: 0.1 },
  },
  BCRB: {
    firstNames: { caribbean: 0.6, modern_british: 0.4 },
    surnames: { caribbean: 0.85, english: 0.15 },
  },
  BAFR: {
    firstNames: { west_african: 0.65, east_african: 0.25, modern_british: 0.1 },
    surnames: { west_african: 0.7, east_african: 0.3 },
  },
  BOTH: {
    firstNames: { caribbean: 0.4, modern_british: 0.3, west_african: 0.2, east_african: 0.1 },
    surnames: { caribbean: 0.45, english: 0.2, west_african: 0.2, east_african: 0.15 },
  },
  CHNE: {
    firstNames: { chinese: 0.7, modern_british: 0.3 },
    surnames: { chinese: 1 },
  },
  OOTH: {
    firstNames: { arabic: 0.35, afghan: 0.15, turkish_kurdish: 0.15, vietnamese: 0.1, modern_british: 0.25 },
    surnames: { arabic: 0.4, afghan: 0.2, turkish_kurdish: 0.2, vietnamese: 0.12, english: 0.08 },
  },
};

export const RELIGIONS = [
  'christian', 'muslim', 'hindu', 'sikh', 'jewish', 'buddhist', 'no_religion', 'other', 'not_stated',
] as const;
export type Religion = (typeof RELIGIONS)[number];

/**
 * Religion as a family might record it for a child, by ethnicity. Coarse and approximate,
 * loosely shaped by Census 2021 religion by ethnic group for England, tilted towards
 * "no religion" and "not stated" as children's records are.
 */
export const RELIGION_BY_ETHNICITY: Readonly<Record<EthnicityCode, Weights<Religion>>> = {
  WBRI: { christian: 0.36, no_religion: 0.55, not_stated: 0.07, other: 0.01, muslim: 0.005, buddhist: 0.003, jewish: 0.002 },
  WIRI: { christian: 0.65, no_religion: 0.25, not_stated: 0.08, other: 0.02 },
  WIRT: { christian: 0.7, no_religion: 0.2, not_stated: 0.1 },
  WOTH: { christian: 0.55, no_religion: 0.2, muslim: 0.12, jewish: 0.04, not_stated: 0.07, other: 0.02 },
  WROM: { christian: 0.7, no_religion: 0.1, muslim: 0.05, not_stated: 0.15 },
  MWBC: { christian: 0.3, no_religion: 0.55, muslim: 0.05, not_stated: 0.08, other: 0.02 },
  MWBA: { christian: 0.45, no_religion: 0.3, muslim: 0.15, not_stated: 0.08, other: 0.02 },
  MWAS: { christian: 0.2, no_religion: 0.4, muslim: 0.2, hindu: 0.06, sikh: 0.04, buddhist: 0.02, not_stated: 0.08 },
  MOTH: { christian: 0.3, no_religion: 0.35, muslim: 0.22, jewish: 0.02, buddhist: 0.02, other: 0.01, not_stated: 0.08 },
  AIND: { hindu: 0.45, sikh: 0.22, muslim: 0.15, christian: 0.05, no_religion: 0.06, other: 0.01, not_stated: 0.06 },
  APKN: { muslim: 0.95, christian: 0.01, no_religion: 0.01, not_stated: 0.03 },
  ABAN: { muslim: 0.93, hindu: 0.02, no_religion: 0.01, not_stated: 0.04 },
  AOTH: { hindu: 0.25, muslim: 0.25, christian: 0.15, buddhist: 0.12, sikh: 0.04, no_religion: 0.1, other: 0.02, not_stated: 0.07 },
  BCRB: { christian: 0.55, no_religion: 0.3, muslim: 0.03, other: 0.03, not_stated: 0.09 },
  BAFR: { christian: 0.6, muslim: 0.3, no_religion: 0.04, other: 0.01, not_stated: 0.05 },
  BOTH: { christian: 0.45, muslim: 0.25, no_religion: 0.17, other: 0.03, not_stated: 0.1 },
  CHNE: { no_religion: 0.6, christian: 0.18, buddhist: 0.12, other: 0.02, not_stated: 0.08 },
  OOTH: { muslim: 0.55, christian: 0.15, no_religion: 0.15, buddhist: 0.03, jewish: 0.02, other: 0.02, not_stated: 0.08 },
};



/**
 * First language (the language a child was first exposed to, as the school census asks)
 * by naming tradition, for a child born in England. A generator may shift weight towards
 * the heritage language for a child who arrived recently.
 */
export const FIRST_LANGUAGE_BY_TRADITION: Readonly<Record<NamingTradition, Weights<LanguageCode>>> = {
  english: { eng: 1 },
  modern_british: { eng: 1 },
  irish: { eng: 0.99, gle: 0.01 },
  traveller: { eng: 1 },
  polish: { eng: 0.45, pol: 0.55 },
  eastern_european: { eng: 0.16, lit: 0.2, lav: 0.08, bul: 0.15, slk: 0.08, ces: 0.05, hun: 0.1, ukr: 0.1, rus: 0.08 },
  romanian: { eng: 0.3, ron: 0.7 },
  roma: { eng: 0.2, rom: 0.35, ron: 0.2, slk: 0.15, ces: 0.05, hun: 0.05 },
  albanian: { eng: 0.3, sqi: 0.7 },
  south_asian_hindu_sikh: { eng: 0.55, pan: 0.2, guj: 0.15, tam: 0.05, hin: 0.05 },
  pakistani: { eng: 0.5, urd: 0.25, pan: 0.2, pus: 0.05 },
  bangladeshi: { eng: 0.45, ben: 0.35, syl: 0.2 },
  afghan: { eng: 0.2, pus: 0.45, prs: 0.35 },
  west_african: { eng: 0.7, yor: 0.12, twi: 0.08, ibo: 0.05, fra: 0.05 },
  east_african: { eng: 0.2, som: 0.6, tir: 0.15, amh: 0.05 },
  caribbean: { eng: 1 },
  chinese: { eng: 0.45, zho: 0.35, yue: 0.2 },
  vietnamese: { eng: 0.3, vie: 0.7 },
  arabic: { eng: 0.3, ara: 0.7 },
  turkish_kurdish: { eng: 0.25, tur: 0.45, kur: 0.3 },
};
