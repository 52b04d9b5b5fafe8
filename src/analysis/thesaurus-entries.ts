/**
 * The chapter thesaurus: for words and phrases of the chapter, the everyday words readers use instead
 * ("workers" for "labor force", "online shopping" for "e-commerce"). 431 entries, written by a
 * helper session that was given the chapter and the corpus README only, never a question of the
 * evaluation sets; each `chapter` side is checked to occur in the chapter
 * (`test/answer/round-tune12.test.ts`). See `thesaurus.ts` for how soft matching uses it.
 */
import type { ThesaurusEntry } from './thesaurus.ts'

export const THESAURUS_ENTRIES: readonly ThesaurusEntry[] = [
  {
    chapter: 'new quality productive forces',
    variants: [
      'new productive forces',
      'new-type productivity',
      'advanced productivity',
      'new productivity',
      'quality productivity',
      'NQPF',
      'next-generation productivity',
    ],
  },
  {
    chapter: 'productive forces',
    variants: [
      'productivity',
      'productive capacity',
      'production capacity',
      'productive power',
      'forces of production',
    ],
  },
  {
    chapter: 'productivity',
    variants: [
      'TFP',
      'total factor productivity',
      'output per worker',
      'efficiency',
      'output efficiency',
    ],
  },
  {
    chapter: 'high-quality development',
    variants: [
      'quality growth',
      'high quality growth',
      'better-quality growth',
      'quality-driven development',
      'sustainable growth',
    ],
  },
  {
    chapter: 'modernization with Chinese characteristics',
    variants: [
      'Chinese modernization',
      'Chinese modernisation',
      "China's modernization",
      'Chinese-style modernization',
    ],
  },
  {
    chapter: 'Chinese modernization',
    variants: [
      'Chinese modernisation',
      "China's modernization",
      'Chinese-style modernization',
      'Chinese path',
    ],
  },
  {
    chapter: 'technological revolution',
    variants: [
      'tech revolution',
      'technology revolution',
      'technological change',
      'tech transformation',
      'technological upheaval',
    ],
  },
  {
    chapter: 'industrial transformation',
    variants: [
      'industrial change',
      'industry restructuring',
      'industrial restructuring',
      'industrial shift',
      'industrial upgrading',
    ],
  },
  {
    chapter: 'innovation',
    variants: ['new ideas', 'invention', 'inventiveness', 'creativity', 'R&D'],
  },
  {
    chapter: 'technological breakthroughs',
    variants: [
      'tech breakthroughs',
      'technical breakthroughs',
      'disruptive technologies',
      'game-changing technology',
      'radical innovation',
    ],
  },
  {
    chapter: 'innovative allocation of production factors',
    variants: [
      'smart resource allocation',
      'new resource allocation',
      'innovative resource allocation',
      'better resource use',
      'resource reallocation',
    ],
  },
  {
    chapter: 'production factors',
    variants: [
      'factors of production',
      'inputs',
      'resources',
      'production inputs',
      'economic inputs',
    ],
  },
  {
    chapter: 'laborers',
    variants: [
      'workers',
      'labourers',
      'workforce',
      'employees',
      'people',
      'human capital',
      'staff',
    ],
  },
  {
    chapter: 'means of labor',
    variants: [
      'tools',
      'equipment',
      'machinery',
      'instruments',
      'means of production',
      'tools of work',
      'means of labour',
    ],
  },
  {
    chapter: 'objects of labor',
    variants: [
      'materials worked on',
      'raw materials',
      'work materials',
      'objects of labour',
      'subjects of labor',
      'materials processed',
    ],
  },
  {
    chapter: 'optimal combinations',
    variants: ['best mix', 'optimal mix', 'efficient combination', 'best combination', 'ideal mix'],
  },
  {
    chapter: 'new development concepts',
    variants: [
      'new development philosophy',
      'development principles',
      'five development ideas',
      'new development ideas',
      'development philosophy',
    ],
  },
  {
    chapter: 'green',
    variants: ['environmentally friendly', 'eco-friendly', 'sustainable', 'low-carbon', 'clean'],
  },
  {
    chapter: 'openness',
    variants: ['opening', 'being open', 'open-door', 'open approach', 'open policy'],
  },
  {
    chapter: 'distinctive',
    variants: ['unique', 'characteristic', 'defining', 'special', 'hallmark'],
  },
  {
    chapter: 'opening-up',
    variants: [
      'opening up',
      'open-door policy',
      'reform and opening',
      'liberalization',
      'openness',
      'opening to outside',
    ],
  },
  { chapter: 'deepen', variants: ['strengthen', 'intensify', 'expand', 'broaden', 'step up'] },
  {
    chapter: 'economic growth momentum',
    variants: [
      'growth drivers',
      'economic momentum',
      'growth impetus',
      'growth engine',
      'economic dynamism',
    ],
  },
  {
    chapter: 'connotation',
    variants: ['meaning', 'essence', 'definition', 'concept', 'implication', 'significance'],
  },
  {
    chapter: 'characteristics',
    variants: ['features', 'traits', 'attributes', 'properties', 'hallmarks'],
  },
  {
    chapter: 'advancement',
    variants: ['progress', 'advances', 'improvement', 'upgrading', 'development'],
  },
  {
    chapter: 'relations of production',
    variants: ['production relations', 'economic relations', 'relations of producing'],
  },
  {
    chapter: 'educational qualifications',
    variants: [
      'education level',
      'degrees',
      'qualifications',
      'schooling',
      'credentials',
      'education',
    ],
  },
  {
    chapter: 'learning capabilities',
    variants: ['ability to learn', 'learning skills', 'learning capacity', 'learning ability'],
  },
  {
    chapter: 'cross-disciplinary',
    variants: ['interdisciplinary', 'multidisciplinary', 'cross-field', 'cross-domain'],
  },
  {
    chapter: 'all-round skills',
    variants: [
      'versatile skills',
      'broad skills',
      'well-rounded skills',
      'multi-skilled',
      'multiple skills',
    ],
  },
  {
    chapter: 'strategic science and technology talents',
    variants: [
      'top scientists',
      'strategic scientists',
      'leading researchers',
      'elite tech talent',
      'top researchers',
    ],
  },
  {
    chapter: 'applied talents',
    variants: [
      'practical talent',
      'skilled workers',
      'technicians',
      'applied professionals',
      'hands-on experts',
    ],
  },
  {
    chapter: 'talents',
    variants: ['skilled people', 'professionals', 'experts', 'human resources'],
  },
  {
    chapter: 'production tools',
    variants: ['tools', 'machinery', 'equipment', 'instruments', 'machines', 'tools of production'],
  },
  {
    chapter: 'smart production tools',
    variants: [
      'intelligent tools',
      'smart machines',
      'intelligent equipment',
      'smart tools',
      'smart machinery',
    ],
  },
  {
    chapter: 'generative',
    variants: ['generative AI', 'gen AI', 'GenAI', 'ChatGPT', 'large language models', 'LLMs'],
  },
  {
    chapter: 'big data centers',
    variants: ['data centres', 'data centers', 'server farms', 'computing centers', 'data hubs'],
  },
  {
    chapter: 'big data',
    variants: ['large datasets', 'massive data', 'data analytics', 'huge data'],
  },
  {
    chapter: 'data',
    variants: ['information', 'datasets', 'digital information', 'data resources'],
  },
  {
    chapter: 'new production factor',
    variants: ['new input', 'new production input', 'new resource', 'new economic input'],
  },
  { chapter: 'consumption', variants: ['spending', 'use', 'consumer demand', 'consumer spending'] },
  {
    chapter: 'traditional production factors',
    variants: [
      'conventional inputs',
      'traditional inputs',
      'old factors',
      'conventional factors',
      'classic inputs',
    ],
  },
  {
    chapter: 'road transportation',
    variants: ['road transport', 'road traffic', 'traffic', 'transport'],
  },
  {
    chapter: 'real-time bus location information',
    variants: [
      'live bus tracking',
      'bus GPS data',
      'real-time bus data',
      'bus tracking',
      'live bus locations',
    ],
  },
  {
    chapter: 'ride-hailing vehicle data',
    variants: ['Uber data', 'taxi app data', 'ride-sharing data', 'Didi data', 'car-hailing data'],
  },
  {
    chapter: 'Internet mapping data',
    variants: ['online map data', 'digital maps', 'map apps', 'navigation data', 'GPS maps'],
  },
  {
    chapter: 'training',
    variants: ['deep learning', 'model training', 'machine learning', 'AI training'],
  },
  {
    chapter: 'commuting solutions',
    variants: [
      'commute routes',
      'route planning',
      'journey planning',
      'travel routes',
      'commuting options',
    ],
  },
  {
    chapter: 'urban traffic efficiency',
    variants: [
      'city traffic flow',
      'traffic congestion',
      'smoother traffic',
      'urban mobility',
      'traffic flow',
    ],
  },
  {
    chapter: 'social productivity',
    variants: [
      'overall productivity',
      "society's productivity",
      'productive capacity',
      'national productivity',
    ],
  },
  {
    chapter: 'Hard technology',
    variants: [
      'hard tech',
      'deep tech',
      'core technology',
      'foundational technology',
      'frontier technology',
    ],
  },
  {
    chapter: 'key core technologies',
    variants: [
      'critical technologies',
      'core technologies',
      'key technologies',
      'chokepoint technologies',
      'bottleneck technologies',
    ],
  },
  {
    chapter: 'scientific discoveries',
    variants: ['scientific findings', 'research findings', 'discoveries', 'science breakthroughs'],
  },
  {
    chapter: 'technological inventions',
    variants: ['inventions', 'new inventions', 'tech inventions', 'technical inventions'],
  },
  { chapter: 'R&D', variants: ['research and development', 'research', 'RnD', 'R and D'] },
  {
    chapter: 'technological thresholds',
    variants: [
      'entry barriers',
      'technical barriers',
      'tech hurdles',
      'technical difficulty',
      'barriers to entry',
    ],
  },
  {
    chapter: 'application scenarios',
    variants: ['use cases', 'applications', 'practical uses', 'real-world uses', 'usage scenarios'],
  },
  { chapter: 'replicate', variants: ['copy', 'duplicate', 'reproduce', 'clone'] },
  {
    chapter: 'factor dimension',
    variants: [
      'factor perspective',
      'inputs angle',
      'factors side',
      'production factor aspect',
      'input dimension',
    ],
  },
  {
    chapter: 'fifth major production factor',
    variants: ['fifth production input', 'fifth input', 'fifth resource', 'fifth factor'],
  },
  { chapter: 'land', variants: ['natural resources', 'territory', 'real estate', 'soil'] },
  {
    chapter: 'labor force',
    variants: ['workers', 'workforce', 'manpower', 'labour', 'employees', 'staff', 'labor'],
  },
  { chapter: 'capital', variants: ['money', 'funding', 'investment', 'finance', 'funds'] },
  {
    chapter: 'digitization',
    variants: [
      'digitisation',
      'digitalization',
      'going digital',
      'computerization',
      'digitalisation',
    ],
  },
  {
    chapter: 'networking',
    variants: ['connectivity', 'being connected', 'linking up', 'interconnection'],
  },
  {
    chapter: 'virtualization',
    variants: ['virtualisation', 'going virtual', 'online work', 'digital work', 'virtual work'],
  },
  {
    chapter: 'information labor',
    variants: [
      'knowledge work',
      'information work',
      'white-collar work',
      'data work',
      'information labour',
    ],
  },
  {
    chapter: 'intelligentization',
    variants: [
      'smartification',
      'automation',
      'intelligent upgrading',
      'AI adoption',
      'going smart',
      'smart upgrading',
    ],
  },
  {
    chapter: 'Technology dimension',
    variants: ['technology perspective', 'tech side', 'technological aspect', 'technology angle'],
  },
  {
    chapter: 'technological innovation',
    variants: [
      'tech innovation',
      'technical innovation',
      'innovation in technology',
      'R&D innovation',
    ],
  },
  {
    chapter: 'original innovation',
    variants: [
      'home-grown innovation',
      'breakthrough research',
      'basic research',
      'original research',
      'indigenous innovation',
      'groundbreaking innovation',
    ],
  },
  {
    chapter: 'international centers for science and technology innovation',
    variants: [
      'global innovation hubs',
      'science hubs',
      'tech hubs',
      'global innovation centres',
      'innovation centers',
    ],
  },
  {
    chapter: 'high-tech enterprises',
    variants: [
      'tech companies',
      'tech firms',
      'technology companies',
      'high-tech firms',
      'hi-tech companies',
    ],
  },
  {
    chapter: 'Greater Bay Area',
    variants: ['GBA', 'Pearl River Delta', 'Hong Kong-Shenzhen region', 'Guangdong region'],
  },
  {
    chapter: 'scientific and technological achievements',
    variants: [
      'research results',
      'research findings',
      'scientific results',
      'R&D results',
      'inventions',
    ],
  },
  {
    chapter: 'market demands',
    variants: ['customer needs', 'consumer demand', 'market needs', 'demand'],
  },
  {
    chapter: 'highly qualified engineers',
    variants: [
      'skilled engineers',
      'engineering talent',
      'engineer workforce',
      'engineering dividend',
      'qualified engineers',
    ],
  },
  {
    chapter: 'abundant data resources',
    variants: ['lots of data', 'rich data', 'vast data', 'huge datasets', 'data abundance'],
  },
  {
    chapter: 'Industry dimension',
    variants: ['industrial perspective', 'industry side', 'sector aspect', 'industry angle'],
  },
  {
    chapter: 'modernized industrial system',
    variants: [
      'modern industrial system',
      'modern industry base',
      'advanced industrial structure',
      'modern industrial base',
      'modernised industry',
    ],
  },
  {
    chapter: 'industrial clusters',
    variants: [
      'industry clusters',
      'industrial hubs',
      'industrial zones',
      'manufacturing clusters',
      'business clusters',
    ],
  },
  {
    chapter: 'industrial categories',
    variants: [
      'industry categories',
      'sectors',
      'industry types',
      'branches of industry',
      'industrial sectors',
    ],
  },
  {
    chapter: 'medium categories',
    variants: ['mid-level categories', 'subsectors', 'intermediate categories', 'sub-categories'],
  },
  {
    chapter: 'classified by the UN',
    variants: ['UN classification', 'UN industrial classification', 'ISIC', 'UN list'],
  },
  { chapter: 'UN', variants: ['United Nations', 'U.N.'] },
  {
    chapter: 'high-speed railway network',
    variants: ['high-speed rail', 'bullet trains', 'HSR', 'fast trains', 'high-speed trains'],
  },
  {
    chapter: 'expressway network',
    variants: ['highways', 'motorways', 'freeways', 'expressways', 'highway network'],
  },
  {
    chapter: 'port cluster',
    variants: ['ports', 'seaports', 'harbors', 'harbours', 'shipping ports'],
  },
  {
    chapter: '5G network',
    variants: [
      '5G',
      'mobile network',
      'fifth-generation network',
      '5G infrastructure',
      '5G coverage',
    ],
  },
  {
    chapter: 'traditional industries',
    variants: [
      'old industries',
      'legacy industries',
      'conventional industries',
      'traditional sectors',
      'smokestack industries',
    ],
  },
  {
    chapter: 'digital industry clusters',
    variants: [
      'digital clusters',
      'tech clusters',
      'digital hubs',
      'digital economy clusters',
      'digital industrial clusters',
    ],
  },
  {
    chapter: 'high-end software',
    variants: [
      'advanced software',
      'premium software',
      'sophisticated software',
      'enterprise software',
    ],
  },
  {
    chapter: 'smart photovoltaics',
    variants: ['smart solar', 'intelligent solar', 'smart PV', 'smart solar panels'],
  },
  {
    chapter: 'integrated circuits',
    variants: ['chips', 'microchips', 'semiconductors', 'ICs', 'silicon chips'],
  },
  {
    chapter: 'IoT',
    variants: [
      'Internet of Things',
      'connected devices',
      'smart devices',
      'AIoT',
      'internet-connected devices',
    ],
  },
  {
    chapter: 'trillion-dollar industry cluster',
    variants: [
      'trillion-level industry',
      'trillion-yuan cluster',
      'trillion-dollar sector',
      'massive industry',
    ],
  },
  { chapter: 'cultivate', variants: ['nurture', 'develop', 'foster', 'grow', 'build up'] },
  {
    chapter: 'scale effects',
    variants: ['economies of scale', 'scale economies', 'size advantages', 'scale advantages'],
  },
  {
    chapter: 'future industries',
    variants: [
      'future-oriented industries',
      'frontier industries',
      'next-generation industries',
      "tomorrow's industries",
      'future sectors',
    ],
  },
  {
    chapter: 'smart equipment',
    variants: ['intelligent equipment', 'smart machines', 'smart devices', 'intelligent machinery'],
  },
  {
    chapter: 'biotechnology',
    variants: ['biotech', 'life sciences', 'bioengineering', 'bio-tech'],
  },
  {
    chapter: 'future materials',
    variants: [
      'advanced materials',
      'new materials',
      'next-generation materials',
      'novel materials',
    ],
  },
  {
    chapter: 'fostering',
    variants: ['nurturing', 'promoting', 'encouraging', 'developing', 'cultivating'],
  },
  {
    chapter: 'cutting-edge',
    variants: [
      'frontier',
      'state-of-the-art',
      'leading-edge',
      'latest',
      'advanced',
      'bleeding-edge',
    ],
  },
  {
    chapter: 'Status Quo',
    variants: [
      'current situation',
      'current state',
      'present status',
      'where things stand',
      'state of play',
    ],
  },
  {
    chapter: 'open innovation',
    variants: [
      'collaborative innovation',
      'shared innovation',
      'open R&D',
      'open research',
      'innovation sharing',
    ],
  },
  {
    chapter: 'global cooperation',
    variants: [
      'international cooperation',
      'worldwide collaboration',
      'global collaboration',
      'international collaboration',
    ],
  },
  {
    chapter: 'international cooperation',
    variants: [
      'global cooperation',
      'cross-border cooperation',
      'international collaboration',
      'global partnership',
      'foreign cooperation',
    ],
  },
  {
    chapter: 'open cooperation',
    variants: [
      'open collaboration',
      'cooperation through openness',
      'open partnership',
      'opening-up cooperation',
    ],
  },
  {
    chapter: 'mutually reinforcing',
    variants: [
      'reinforce each other',
      'complementary',
      'symbiotic',
      'virtuous circle',
      'mutually supportive',
    ],
  },
  {
    chapter: 'green low-carbon technology',
    variants: [
      'clean tech',
      'green tech',
      'climate technology',
      'low-emission technology',
      'cleantech',
    ],
  },
  {
    chapter: 'low-carbon',
    variants: ['low-emission', 'carbon-light', 'climate-friendly', 'decarbonized', 'low carbon'],
  },
  {
    chapter: 'next-generation information technology',
    variants: ['new IT', 'advanced ICT', 'digital technology', 'next-gen IT', 'new-generation IT'],
  },
  {
    chapter: 'information technology',
    variants: ['IT', 'ICT', 'digital technology', 'computing', 'tech'],
  },
  {
    chapter: 'quantum information',
    variants: ['quantum tech', 'quantum technology', 'quantum computing', 'quantum science'],
  },
  { chapter: 'quantum', variants: ['quantum tech', 'quantum physics', 'quantum science'] },
  {
    chapter: 'challenges',
    variants: ['obstacles', 'problems', 'difficulties', 'hurdles', 'headwinds'],
  },
  {
    chapter: 'restrictions',
    variants: ['limits', 'curbs', 'controls', 'barriers', 'bans', 'constraints'],
  },
  {
    chapter: 'cross-border data flows',
    variants: [
      'international data transfer',
      'data transfers abroad',
      'data localization',
      'transborder data',
      'global data flows',
    ],
  },
  {
    chapter: 'technology blockade',
    variants: [
      'tech embargo',
      'export controls',
      'tech sanctions',
      'tech ban',
      'decoupling',
      'chip ban',
      'tech containment',
    ],
  },
  { chapter: 'economies', variants: ['countries', 'nations', 'states', 'markets'] },
  {
    chapter: 'green energy',
    variants: ['clean energy', 'renewables', 'renewable energy', 'green power'],
  },
  {
    chapter: 'low-carbon innovation',
    variants: [
      'green innovation',
      'clean tech innovation',
      'climate innovation',
      'low-emission innovation',
    ],
  },
  {
    chapter: 'clean energy cooperation',
    variants: [
      'green energy cooperation',
      'renewable energy partnership',
      'clean energy collaboration',
      'renewables cooperation',
    ],
  },
  {
    chapter: 'IEA',
    variants: [
      'International Energy Agency',
      'energy agency',
      'Paris-based agency',
      'energy watchdog',
    ],
  },
  {
    chapter: 'Patent Office',
    variants: ['EPO', 'European Patent Office', 'European patent agency', "Europe's patent office"],
  },
  {
    chapter: 'Energy Transition',
    variants: [
      'energy shift',
      'move to clean energy',
      'decarbonization',
      'green transition',
      'energy switch',
    ],
  },
  {
    chapter: 'international patent families',
    variants: [
      'IPFs',
      'international patents',
      'patent families',
      'global patent filings',
      'inventions patented abroad',
    ],
  },
  { chapter: 'patents', variants: ['intellectual property', 'inventions', 'patent filings', 'IP'] },
  {
    chapter: 'low-carbon energy technology',
    variants: [
      'LCE',
      'clean energy tech',
      'low-emission energy',
      'green energy technology',
      'clean energy technologies',
    ],
  },
  {
    chapter: 'three consecutive years',
    variants: ['three years in a row', 'three straight years', 'three successive years'],
  },
  {
    chapter: 'growth rate',
    variants: ['rate of increase', 'growth', 'expansion rate', 'pace of growth'],
  },
  { chapter: 'base 100', variants: ['index', 'indexed to 100', 'baseline', '2000 = 100'] },
  {
    chapter: 'developed economies',
    variants: [
      'rich countries',
      'advanced economies',
      'developed countries',
      'industrialized nations',
      'wealthy nations',
      'the West',
    ],
  },
  {
    chapter: 'technological advantage',
    variants: ['tech edge', 'technological lead', 'technical superiority', 'tech advantage'],
  },
  {
    chapter: 'bilateral',
    variants: [
      'two-way',
      'two-country',
      'between two countries',
      'country-to-country',
      'one-to-one',
      'two-sided',
    ],
  },
  {
    chapter: 'revealed technological advantage',
    variants: [
      'RTA',
      'technological specialization',
      'tech specialization',
      'technology comparative advantage',
      'tech strength',
    ],
  },
  {
    chapter: 'global innovation centers',
    variants: [
      'innovation hubs',
      'global tech hubs',
      'innovation centres',
      'global innovation hubs',
    ],
  },
  { chapter: 'Europe', variants: ['EU', 'European countries', 'the Europeans', 'European Union'] },
  { chapter: 'United States', variants: ['US', 'USA', 'America', 'U.S.', 'the States'] },
  {
    chapter: 'installed capacity',
    variants: [
      'generating capacity',
      'power capacity',
      'capacity installed',
      'installed base',
      'generation capacity',
    ],
  },
  {
    chapter: 'hydropower',
    variants: ['hydroelectric power', 'hydroelectricity', 'water power', 'hydro', 'dams'],
  },
  { chapter: 'wind power', variants: ['wind energy', 'wind turbines', 'wind farms', 'wind'] },
  {
    chapter: 'photovoltaic power generation',
    variants: ['solar power', 'solar energy', 'solar generation', 'PV power', 'solar electricity'],
  },
  { chapter: 'photovoltaic', variants: ['solar', 'PV', 'solar panel', 'solar cell'] },
  { chapter: 'solar', variants: ['solar power', 'solar energy', 'sun power', 'PV'] },
  {
    chapter: 'supply chain',
    variants: ['supply network', 'production chain', 'value chain', 'suppliers'],
  },
  {
    chapter: 'clean energy equipment',
    variants: [
      'renewable equipment',
      'green energy gear',
      'clean energy hardware',
      'renewable energy equipment',
    ],
  },
  {
    chapter: 'GX',
    variants: [
      'green transformation',
      'green transition',
      'going green',
      'decarbonization',
      'green shift',
    ],
  },
  {
    chapter: 'BRI',
    variants: [
      'Belt and Road Initiative',
      'Belt and Road',
      'New Silk Road',
      'One Belt One Road',
      'OBOR',
      'Silk Road initiative',
    ],
  },
  {
    chapter: 'new energy',
    variants: [
      'renewable energy',
      'clean energy',
      'alternative energy',
      'renewables',
      'green energy',
    ],
  },
  { chapter: 'Africa', variants: ['African continent', 'African countries', 'African nations'] },
  {
    chapter: 'FOCAC',
    variants: [
      'Forum on China-Africa Cooperation',
      'China-Africa forum',
      'China-Africa summit',
      'China-Africa cooperation',
    ],
  },
  {
    chapter: 'green energy projects',
    variants: [
      'clean energy projects',
      'renewable projects',
      'renewable energy projects',
      'green power projects',
    ],
  },
  {
    chapter: 'China-Aid Mali Solar Demonstration Village',
    variants: [
      'Mali solar village',
      'solar village',
      'China-aided solar village',
      'Mali solar project',
      'Chinese-funded solar village',
    ],
  },
  { chapter: 'Mali', variants: ['Malian', 'West African country', 'West Africa'] },
  {
    chapter: 'solar home systems',
    variants: [
      'home solar kits',
      'household solar',
      'rooftop solar',
      'home solar panels',
      'residential solar',
    ],
  },
  {
    chapter: 'off-grid',
    variants: [
      'standalone',
      'stand-alone',
      'not grid-connected',
      'grid-independent',
      'off the grid',
    ],
  },
  {
    chapter: 'solar streetlight systems',
    variants: ['solar street lamps', 'solar streetlights', 'solar lighting', 'solar street lights'],
  },
  {
    chapter: 'solar pump systems',
    variants: ['solar water pumps', 'solar-powered pumps', 'solar irrigation', 'solar pumps'],
  },
  {
    chapter: 'centralized solar power supply systems',
    variants: [
      'solar mini-grids',
      'central solar plants',
      'solar power stations',
      'solar microgrids',
    ],
  },
  { chapter: 'Koniobla', variants: ['Malian village', 'village in Mali', 'Mali villages'] },
  {
    chapter: 'energy enterprises',
    variants: ['energy companies', 'power companies', 'energy firms', 'utilities', 'power firms'],
  },
  {
    chapter: 'first-mover advantage',
    variants: [
      'early-mover advantage',
      'head start',
      'pioneer advantage',
      'being first',
      'early lead',
    ],
  },
  {
    chapter: 'mutual benefits',
    variants: ['win-win', 'shared gains', 'benefits for both', 'common benefits'],
  },
  { chapter: 'Laos', variants: ['Lao', 'Laotian', 'Lao PDR', 'Laotian government'] },
  {
    chapter: 'high-voltage transmission',
    variants: [
      'power transmission',
      'high-voltage line',
      'HV transmission',
      'electricity transmission',
      'power grid',
    ],
  },
  {
    chapter: 'transmission line',
    variants: ['power line', 'grid line', 'electricity line', 'pylons', 'transmission cable'],
  },
  { chapter: 'kilowatt', variants: ['kW', 'kilovolt', 'kV'] },
  {
    chapter: 'total investment',
    variants: ['total cost', 'overall investment', 'project cost', 'price tag', 'total spending'],
  },
  {
    chapter: 'transmission capacity',
    variants: [
      'power capacity',
      'transfer capacity',
      'line capacity',
      'throughput',
      'annual capacity',
    ],
  },
  { chapter: 'kilowatt-hours', variants: ['kWh', 'units of electricity', 'kilowatt hours'] },
  {
    chapter: 'cross-border',
    variants: ['international', 'transnational', 'between countries', 'overseas', 'across borders'],
  },
  {
    chapter: 'South America',
    variants: ['Latin America', 'South American countries', 'South American'],
  },
  {
    chapter: 'new energy generation projects',
    variants: [
      'renewable power projects',
      'clean power plants',
      'green energy plants',
      'renewable energy plants',
    ],
  },
  {
    chapter: 'designed capacity',
    variants: ['planned capacity', 'rated capacity', 'nameplate capacity'],
  },
  { chapter: 'jobs', variants: ['employment', 'work', 'positions', 'job opportunities'] },
  { chapter: 'households', variants: ['homes', 'families', 'residences', 'houses'] },
  {
    chapter: 'IRENA',
    variants: [
      'International Renewable Energy Agency',
      'renewable energy agency',
      'renewables agency',
      'Abu Dhabi agency',
    ],
  },
  {
    chapter: 'wind and photovoltaic products',
    variants: [
      'wind turbines',
      'solar panels',
      'wind and solar',
      'renewable equipment',
      'solar modules',
    ],
  },
  { chapter: 'exported', variants: ['sold abroad', 'shipped overseas', 'shipped abroad'] },
  {
    chapter: 'cumulative export values',
    variants: ['total exports', 'export revenue', 'export sales', 'export value'],
  },
  {
    chapter: 'average cost per kilowatt-hour',
    variants: [
      'cost of electricity',
      'electricity cost',
      'levelized cost',
      'LCOE',
      'price per kWh',
      'power price',
    ],
  },
  { chapter: 'decreased', variants: ['fallen', 'dropped', 'declined', 'cut', 'reduced', 'fell'] },
  {
    chapter: 'past decade',
    variants: ['last ten years', 'ten years', 'last decade', 'previous decade'],
  },
  {
    chapter: 'energy and environmental pressures',
    variants: [
      'energy shortages',
      'environmental problems',
      'pollution',
      'energy stress',
      'environmental pressure',
    ],
  },
  {
    chapter: 'New energy vehicles',
    variants: ['electric vehicles', 'EVs', 'electric cars', 'NEVs', 'green cars', 'hybrid cars'],
  },
  {
    chapter: 'name card',
    variants: ['calling card', 'business card', 'signature', 'brand', 'symbol', 'showcase'],
  },
  {
    chapter: 'Made in China',
    variants: ['Chinese manufacturing', 'Chinese-made', 'China-made goods', 'Chinese products'],
  },
  {
    chapter: 'smart automotive industry cluster',
    variants: [
      'smart car industry',
      'intelligent vehicle industry',
      'connected car sector',
      'smart car cluster',
      'smart vehicle industry',
    ],
  },
  {
    chapter: 'international standards',
    variants: ['global standards', 'global norms', 'international norms', 'world standards'],
  },
  {
    chapter: 'Southeast Asia',
    variants: ['ASEAN region', 'Southeast Asian countries', 'SE Asia', 'South-East Asia', 'ASEAN'],
  },
  {
    chapter: 'factory construction',
    variants: [
      'building factories',
      'plant construction',
      'building plants',
      'factories abroad',
      'new factories',
    ],
  },
  {
    chapter: 'electric vehicle industry',
    variants: ['EV industry', 'electric car industry', 'EV sector', 'EV market'],
  },
  {
    chapter: 'GAC New Energy',
    variants: ['GAC Aion', 'GAC', 'Guangzhou Automobile', 'Chinese EV maker', 'Guangzhou carmaker'],
  },
  {
    chapter: 'Bosch',
    variants: [
      'Robert Bosch',
      'German supplier',
      'German parts maker',
      'German engineering firm',
      'German auto supplier',
    ],
  },
  {
    chapter: 'Volkswagen',
    variants: ['VW', 'German carmaker', 'German car giant', 'German automaker', 'Volkswagen Group'],
  },
  {
    chapter: 'Xiaopeng Motors',
    variants: [
      'Xpeng',
      'XPeng Motors',
      'Chinese EV startup',
      'Chinese electric carmaker',
      'Chinese EV maker',
    ],
  },
  {
    chapter: 'technical cooperation agreement',
    variants: [
      'tech deal',
      'technology partnership',
      'technical partnership',
      'tech agreement',
      'technology agreement',
    ],
  },
  {
    chapter: 'joint development',
    variants: ['co-development', 'developing together', 'joint R&D', 'co-developing'],
  },
  {
    chapter: 'launch',
    variants: ['release', 'debut', 'hit the market', 'roll out', 'come out', 'unveil'],
  },
  {
    chapter: 'collaborated',
    variants: ['teamed up', 'partnered', 'worked together', 'joined forces', 'cooperated'],
  },
  { chapter: 'signed', variants: ['inked', 'concluded', 'agreed', 'entered into', 'sealed'] },
  {
    chapter: 'Digital Silk Road',
    variants: [
      'digital BRI',
      'digital BRI initiative',
      'online Silk Road',
      'digital connectivity initiative',
      'Information Silk Road',
    ],
  },
  {
    chapter: 'economic cooperation pilot zones',
    variants: [
      'pilot zones',
      'trial zones',
      'economic zones',
      'demonstration zones',
      'special zones',
    ],
  },
  {
    chapter: 'cultural exchanges',
    variants: [
      'people-to-people exchanges',
      'cultural ties',
      'cultural contacts',
      'cultural links',
      'people-to-people ties',
    ],
  },
  {
    chapter: 'countries along the Silk Road',
    variants: [
      'BRI nations',
      'partner countries',
      'Silk Road nations',
      'BRI countries',
      'BRI partner countries',
    ],
  },
  {
    chapter: 'e-commerce',
    variants: [
      'online shopping',
      'online retail',
      'internet trade',
      'online trade',
      'digital commerce',
      'ecommerce',
      'e-business',
    ],
  },
  {
    chapter: 'memoranda of cooperation',
    variants: [
      'cooperation agreements',
      'MOUs',
      'memorandums',
      'cooperation deals',
      'agreements',
      'cooperation memorandums',
    ],
  },
  {
    chapter: 'economic and trade',
    variants: ['trade and business', 'commercial', 'business and trade', 'economic and commercial'],
  },
  {
    chapter: 'partner countries',
    variants: ['partners', 'partner nations', 'cooperating countries', 'allies', 'partner states'],
  },
  {
    chapter: 'digital infrastructure',
    variants: [
      'internet infrastructure',
      'broadband',
      'telecom networks',
      'digital networks',
      'IT infrastructure',
    ],
  },
  {
    chapter: 'digital trade',
    variants: [
      'online trade',
      'digital services trade',
      'e-trade',
      'digital commerce',
      'online commerce',
    ],
  },
  {
    chapter: 'cross-border e-commerce',
    variants: [
      'international online shopping',
      'global e-commerce',
      'overseas online shopping',
      'cross-border online retail',
      'international e-commerce',
    ],
  },
  {
    chapter: 'digital governance',
    variants: [
      'internet governance',
      'digital regulation',
      'cyber governance',
      'tech governance',
      'online governance',
    ],
  },
  {
    chapter: 'Third Belt and Road Forum for International Cooperation',
    variants: [
      'third BRF',
      '2023 BRI forum',
      'third BRI forum',
      'BRI summit',
      'Belt and Road summit',
    ],
  },
  {
    chapter: 'BRF',
    variants: ['Belt and Road Forum', 'BRI summit', 'BRI forum', 'Belt and Road summit'],
  },
  {
    chapter: 'Beijing Initiative on Belt and Road Digital Economy International Cooperation',
    variants: [
      'Beijing Initiative',
      'Beijing digital initiative',
      'BRI digital initiative',
      'digital economy initiative',
      'digital economy pact',
    ],
  },
  {
    chapter: 'Digital Economy',
    variants: [
      'internet economy',
      'online economy',
      'tech economy',
      'data economy',
      'digital sector',
    ],
  },
  {
    chapter: 'consensus agreements',
    variants: [
      'agreed outcomes',
      'consensus',
      'agreements',
      'shared understandings',
      'points of agreement',
    ],
  },
  {
    chapter: 'digital connectivity',
    variants: [
      'internet connectivity',
      'online connectivity',
      'digital links',
      'network connectivity',
      'digital interconnection',
    ],
  },
  {
    chapter: 'digital transformation',
    variants: [
      'digitalization',
      'going digital',
      'digitization',
      'digital upgrade',
      'digital shift',
    ],
  },
  {
    chapter: 'China-Africa Initiative for Building a Community of Shared Future in Cyberspace',
    variants: [
      'China-Africa cyberspace initiative',
      'China-Africa internet initiative',
      'China-Africa cyber initiative',
      'China-Africa digital community',
    ],
  },
  {
    chapter: 'Community of Shared Future',
    variants: ['shared future', 'common destiny', 'common future', 'community of destiny'],
  },
  {
    chapter: 'cyberspace',
    variants: [
      'the internet',
      'online world',
      'cyber domain',
      'digital space',
      'the web',
      'online',
    ],
  },
  { chapter: 'memorandum of understanding', variants: ['MOU', 'agreement', 'deal', 'accord'] },
  {
    chapter: 'cybersecurity',
    variants: [
      'cyber security',
      'internet security',
      'online security',
      'IT security',
      'network security',
      'information security',
    ],
  },
  { chapter: 'Thailand', variants: ['Thai', 'Thai government'] },
  {
    chapter: 'Cyberspace Administration of China',
    variants: [
      'CAC',
      "China's internet regulator",
      'Chinese internet watchdog',
      "China's cyberspace regulator",
      'internet authority',
    ],
  },
  {
    chapter: 'Indonesia National Network',
    variants: [
      'Indonesian cyber agency',
      'BSSN',
      "Indonesia's cybersecurity agency",
      'Indonesian counterpart',
      'Indonesian agency',
    ],
  },
  { chapter: 'renewed', variants: ['extended', 're-signed', 'prolonged', 'updated'] },
  {
    chapter: 'Cybersecurity Capability Building',
    variants: [
      'cyber capacity building',
      'cyber skills development',
      'security capacity building',
      'cyber capacity',
    ],
  },
  { chapter: 'Denpasar', variants: ['Bali', 'Indonesian city', 'Bali capital'] },
  {
    chapter: 'multilateral',
    variants: ['multi-country', 'many-sided', 'multinational', 'collective', 'multi-party'],
  },
  {
    chapter: 'Global AI Governance Initiative',
    variants: [
      'AI governance initiative',
      "China's AI proposal",
      'GAIGI',
      'AI rules initiative',
      'AI governance plan',
    ],
  },
  {
    chapter: 'AI Governance',
    variants: ['AI regulation', 'AI rules', 'governing AI', 'AI oversight', 'AI policy'],
  },
  {
    chapter: 'Beijing Declaration on Building a Digital Silk Road',
    variants: [
      'Beijing Declaration',
      'Silk Road declaration',
      'Beijing statement',
      'digital declaration',
    ],
  },
  {
    chapter: 'Belt and Road Conference on Science and Technology Exchange',
    variants: [
      'BRI science conference',
      'science exchange conference',
      'S&T exchange conference',
      'BRI science meeting',
    ],
  },
  {
    chapter: 'Belt and Road Ministerial Conference on Science and Technology Innovation',
    variants: [
      'ministerial conference',
      'science ministers meeting',
      'BRI science ministers',
      'innovation ministerial',
      "ministers' conference",
    ],
  },
  {
    chapter: 'IKCEST',
    variants: [
      'UNESCO engineering centre',
      'engineering knowledge centre',
      'UNESCO centre',
      'engineering knowledge center',
    ],
  },
  {
    chapter: 'International Big Data Competition',
    variants: [
      'big data contest',
      'data science competition',
      'big data challenge',
      'data contest',
      'data competition',
    ],
  },
  {
    chapter: 'BRI Environmental Big Data Platform',
    variants: [
      'green data platform',
      'environmental data platform',
      'BRI environment database',
      'eco data platform',
      'environmental database',
    ],
  },
  {
    chapter: 'Eastern Europe',
    variants: ['East Europe', 'Central and Eastern Europe', 'former Soviet bloc', 'CEE'],
  },
  {
    chapter: 'Central Asia',
    variants: ['Central Asian countries', 'the Stans', 'Central Asian states', 'Kazakhstan region'],
  },
  {
    chapter: 'network service nodes',
    variants: [
      'network nodes',
      'points of presence',
      'service points',
      'server locations',
      'data nodes',
    ],
  },
  {
    chapter: 'five continents',
    variants: ['worldwide', 'all over', 'across the globe', 'every continent'],
  },
  {
    chapter: 'going global',
    variants: ['going abroad', 'overseas expansion', 'international expansion', 'expanding abroad'],
  },
  {
    chapter: 'information infrastructure',
    variants: [
      'IT infrastructure',
      'digital infrastructure',
      'telecom infrastructure',
      'ICT infrastructure',
      'network infrastructure',
    ],
  },
  {
    chapter: 'cloud computing',
    variants: ['cloud', 'cloud services', 'cloud tech', 'cloud platforms'],
  },
  {
    chapter: 'big data analysis',
    variants: ['data analytics', 'big data analytics', 'data analysis', 'data mining'],
  },
  {
    chapter: 'data center',
    variants: ['data centre', 'server farm', 'server center', 'computing center', 'data hub'],
  },
  { chapter: 'Indonesia', variants: ['Indonesian', 'Southeast Asian archipelago'] },
  { chapter: 'Argentine', variants: ['Argentina', 'Argentinian', 'South American country'] },
  {
    chapter: 'core network',
    variants: ['backbone network', 'network core', 'telecom core', 'core telecom network'],
  },
  {
    chapter: 'telecommunications sector',
    variants: [
      'telecoms',
      'telecom industry',
      'telecom operators',
      'carriers',
      'telecommunications industry',
    ],
  },
  {
    chapter: '5G network construction',
    variants: ['5G rollout', '5G buildout', '5G deployment', 'building 5G', '5G expansion'],
  },
  {
    chapter: 'cybersecurity capabilities',
    variants: [
      'cyber defenses',
      'cyber defence',
      'security capabilities',
      'cyber resilience',
      'cyber capacity',
    ],
  },
  {
    chapter: 'data processing capability',
    variants: ['data processing', 'computing power', 'processing capacity', 'data capacity'],
  },
  {
    chapter: 'Rep. of Korea',
    variants: ['South Korea', 'Korea', 'ROK', 'Republic of Korea', 'Korean'],
  },
  {
    chapter: 'forums',
    variants: ['conferences', 'seminars', 'meetings', 'symposiums', 'workshops'],
  },
  {
    chapter: 'research methodologies',
    variants: ['research methods', 'methods', 'approaches', 'methodology'],
  },
  {
    chapter: 'quantitative analysis',
    variants: [
      'statistical analysis',
      'numerical analysis',
      'data analysis',
      'quantitative methods',
    ],
  },
  {
    chapter: 'University of Chicago',
    variants: ['UChicago', 'Chicago university', 'US university', 'American university'],
  },
  {
    chapter: 'University of Tokyo',
    variants: ['Todai', 'Tokyo University', 'Japanese university', 'UTokyo'],
  },
  {
    chapter: 'Seoul National University',
    variants: ['SNU', 'Korean university', 'Seoul university', 'South Korean university'],
  },
  { chapter: 'trilateral', variants: ['three-way', 'three-party', 'tripartite', 'three-country'] },
  {
    chapter: 'jointly signed',
    variants: ['co-signed', 'signed together', 'jointly inked', 'co-sponsored'],
  },
  {
    chapter: 'quantum partnership agreement',
    variants: [
      'quantum pact',
      'quantum agreement',
      'quantum collaboration deal',
      'quantum partnership',
    ],
  },
  {
    chapter: 'quantum talent',
    variants: ['quantum scientists', 'quantum researchers', 'quantum experts', 'quantum workforce'],
  },
  { chapter: 'Germany', variants: ['German', 'Deutschland', 'Federal Republic'] },
  {
    chapter: 'joint statement',
    variants: ['joint declaration', 'joint communique', 'joint announcement', 'common statement'],
  },
  {
    chapter: 'quantum information science',
    variants: ['QIS', 'quantum science', 'quantum tech', 'quantum information'],
  },
  { chapter: 'quantum computing', variants: ['quantum computers', 'quantum computation'] },
  { chapter: 'quantum networks', variants: ['quantum internet', 'quantum communication'] },
  {
    chapter: 'quantum sensing',
    variants: ['quantum sensors', 'quantum measurement', 'quantum metrology'],
  },
  {
    chapter: 'academic conferences',
    variants: ['scientific conferences', 'academic meetings', 'symposia', 'scholarly conferences'],
  },
  {
    chapter: 'scientific and academic cooperation',
    variants: [
      'academic collaboration',
      'research cooperation',
      'science collaboration',
      'scholarly cooperation',
    ],
  },
  {
    chapter: 'literature',
    variants: ['publications', 'papers', 'articles', 'research output', 'scholarly work'],
  },
  {
    chapter: 'internationally cooperated research papers',
    variants: [
      'co-authored papers',
      'joint papers',
      'international papers',
      'internationally co-authored papers',
      'cross-border papers',
    ],
  },
  {
    chapter: 'research papers',
    variants: ['articles', 'publications', 'studies', 'journal papers', 'academic papers'],
  },
  {
    chapter: 'fairly dominant',
    variants: ['leading', 'dominant', 'way ahead', 'top', 'far ahead'],
  },
  {
    chapter: 'internationally collaborated papers',
    variants: [
      'internationally co-authored',
      'joint papers',
      'cross-border papers',
      'international co-publications',
    ],
  },
  {
    chapter: 'global total',
    variants: ['world total', 'worldwide total', 'global sum', 'world output'],
  },
  {
    chapter: 'research cooperation',
    variants: [
      'research collaboration',
      'scientific collaboration',
      'joint research',
      'research partnerships',
    ],
  },
  {
    chapter: 'advanced manufacturing technology',
    variants: [
      'advanced manufacturing',
      'high-tech manufacturing',
      'smart manufacturing',
      'Industry 4.0',
      'modern manufacturing',
    ],
  },
  {
    chapter: 'Asian economies',
    variants: ['Asian countries', 'Asian nations', 'Asia', 'Asian states'],
  },
  {
    chapter: 'research scale',
    variants: [
      'research volume',
      'output volume',
      'amount of research',
      'number of papers',
      'scale of research',
    ],
  },
  {
    chapter: 'United Kingdom',
    variants: ['UK', 'Britain', 'Great Britain', 'British', 'England', 'U.K.'],
  },
  { chapter: 'France', variants: ['French', 'French Republic'] },
  { chapter: 'Canada', variants: ['Canadian', 'North American country'] },
  { chapter: 'Australia', variants: ['Australian', 'Aussie', 'Oz'] },
  { chapter: 'Italy', variants: ['Italian', 'Italia'] },
  { chapter: 'Spain', variants: ['Spanish', 'España'] },
  { chapter: 'Netherlands', variants: ['Holland', 'Dutch'] },
  { chapter: 'Japan', variants: ['Japanese', 'Nippon'] },
  { chapter: 'India', variants: ['Indian', 'Bharat'] },
  {
    chapter: 'Taiwan, China',
    variants: ['Taiwan', 'Taiwan region', 'Chinese Taipei', 'Taiwanese'],
  },
  { chapter: 'Russia', variants: ['Russian Federation', 'Russian'] },
  { chapter: 'Singapore', variants: ['Singaporean', 'city-state', 'Lion City'] },
  { chapter: 'Switzerland', variants: ['Swiss', 'Swiss Confederation'] },
  { chapter: 'Iran', variants: ['Iranian', 'Persia', 'Islamic Republic'] },
  { chapter: 'Poland', variants: ['Polish', 'Polska'] },
  { chapter: 'Malaysia', variants: ['Malaysian', 'Southeast Asian nation'] },
  { chapter: 'Czech Rep.', variants: ['Czech Republic', 'Czechia', 'Czech'] },
  { chapter: 'Turkey', variants: ['Türkiye', 'Turkish', 'Turkiye'] },
  { chapter: 'Saudi Arabia', variants: ['Saudi', 'KSA', 'the Kingdom'] },
  { chapter: 'South Africa', variants: ['South African', 'RSA'] },
  { chapter: 'China', variants: ['PRC', 'Chinese', 'Beijing', 'mainland China', 'the Chinese'] },
  {
    chapter: 'Internationally coauthored papers',
    variants: [
      'papers with foreign co-authors',
      'cross-border papers',
      'joint papers',
      'international co-publications',
      'co-written papers',
      'internationally co-authored',
    ],
  },
  {
    chapter: 'coauthored',
    variants: ['co-authored', 'co-written', 'jointly authored', 'joint authorship'],
  },
  { chapter: 'Ranking', variants: ['position', 'place', 'order', 'league table'] },
  { chapter: 'Field', variants: ['area', 'domain', 'discipline', 'subject', 'technology area'] },
  {
    chapter: 'Number of papers',
    variants: ['paper count', 'publications', 'total papers', 'publication count', 'output'],
  },
  { chapter: 'Share', variants: ['proportion', 'percentage', 'ratio', 'fraction', 'rate'] },
  { chapter: 'percent', variants: ['%', 'per cent', 'percentage', 'pct'] },
  { chapter: 'Of which', variants: ['among them', 'of these', 'including', 'out of which'] },
  {
    chapter: 'Microelectromechanical systems',
    variants: [
      'MEMS',
      'micro-electro-mechanical systems',
      'micromachines',
      'microsystems',
      'MEMS technology',
    ],
  },
  {
    chapter: 'Laser manufacturing',
    variants: [
      'laser processing',
      'laser machining',
      'laser cutting',
      'laser welding',
      'laser fabrication',
    ],
  },
  {
    chapter: 'Additive manufacturing',
    variants: ['3D printing', '3-D printing', 'AM', 'rapid prototyping'],
  },
  {
    chapter: 'CNC machine tools',
    variants: [
      'computer numerical control',
      'CNC machines',
      'numerically controlled tools',
      'automated machine tools',
      'CNC',
    ],
  },
  {
    chapter: 'Flexible electronics',
    variants: [
      'bendable electronics',
      'flexible circuits',
      'wearable electronics',
      'stretchable electronics',
      'flexible displays',
    ],
  },
  {
    chapter: 'Industrial robotics',
    variants: [
      'industrial robots',
      'factory robots',
      'robotics',
      'manufacturing robots',
      'robot arms',
    ],
  },
  {
    chapter: 'Very-large-scale integration circuits',
    variants: ['VLSI', 'VLSI chips', 'microchips', 'large-scale chips', 'chip design'],
  },
  {
    chapter: 'Smart sensors',
    variants: ['intelligent sensors', 'sensors', 'IoT sensors', 'smart sensing'],
  },
  {
    chapter: 'Wide bandgap semiconductor',
    variants: [
      'WBG semiconductors',
      'silicon carbide',
      'gallium nitride',
      'SiC',
      'GaN',
      'power semiconductors',
    ],
  },
  {
    chapter: 'Digital twins',
    variants: [
      'virtual replicas',
      'digital models',
      'virtual models',
      'simulations',
      'digital copies',
    ],
  },
  {
    chapter: 'International co-authorship',
    variants: [
      'joint authorship',
      'co-publication',
      'collaborative papers',
      'international co-authoring',
      'joint papers',
    ],
  },
  { chapter: 'Economy', variants: ['country', 'nation', 'economies', 'state'] },
  {
    chapter: 'international scientific research cooperation',
    variants: [
      'global research collaboration',
      'international research partnership',
      'cross-border science cooperation',
      'international scientific collaboration',
      'international research cooperation',
    ],
  },
  {
    chapter: 'centrality',
    variants: [
      'connectedness',
      'how connected',
      'hub score',
      'network centrality',
      'influence',
      'network position',
      'importance score',
    ],
  },
  {
    chapter: 'global hub',
    variants: ['world center', 'central node', 'focal point', 'global centre', 'world hub'],
  },
  {
    chapter: 'third tier',
    variants: ['third group', 'third level', 'third rank', 'third bracket', 'third layer'],
  },
  {
    chapter: 'international patent cooperation',
    variants: [
      'joint patents',
      'co-patenting',
      'international co-inventions',
      'patent collaboration',
      'cross-border patents',
    ],
  },
  {
    chapter: 'Derwent Database',
    variants: [
      'Derwent',
      'Derwent Innovation',
      'patent database',
      'Clarivate database',
      'Derwent Patents Index',
    ],
  },
  {
    chapter: 'PCT patents',
    variants: [
      'international patent applications',
      'PCT applications',
      'PCT filings',
      'WIPO patents',
      'global patent filings',
    ],
  },
  {
    chapter: 'PCT',
    variants: ['Patent Cooperation Treaty', 'international patent system', 'WIPO', 'PCT system'],
  },
  {
    chapter: 'applicants',
    variants: ['filers', 'inventors', 'patent holders', 'applying organizations', 'assignees'],
  },
  {
    chapter: 'innovative countries',
    variants: [
      'innovation leaders',
      'leading innovators',
      'innovating nations',
      'innovative nations',
    ],
  },
  {
    chapter: 'basic national policy',
    variants: [
      'fundamental state policy',
      'core national policy',
      'basic state policy',
      'fundamental policy',
    ],
  },
  {
    chapter: 'higher-level open economy',
    variants: [
      'high-standard opening',
      'deeper opening-up',
      'higher-standard open economy',
      'more open economy',
    ],
  },
  {
    chapter: 'open economy',
    variants: [
      'open market economy',
      'outward-looking economy',
      'free trade economy',
      'liberal economy',
      'globalized economy',
    ],
  },
  {
    chapter: 'international community',
    variants: ['world', 'global community', 'other countries', 'world community', 'nations'],
  },
  {
    chapter: 'emerging industries',
    variants: [
      'new industries',
      'emerging sectors',
      'sunrise industries',
      'strategic emerging industries',
      'growth industries',
    ],
  },
  {
    chapter: 'shared innovation',
    variants: [
      'joint innovation',
      'co-innovation',
      'common innovation',
      'collaborative innovation',
    ],
  },
  {
    chapter: 'Erik Solheim',
    variants: [
      'UN environment chief',
      'Norwegian diplomat',
      'ex-UNEP head',
      'former UN official',
      'Norwegian politician',
    ],
  },
  {
    chapter: 'under-secretary-general',
    variants: ['UN deputy', 'senior UN official', 'USG', 'UN under-secretary'],
  },
  {
    chapter: 'UN Environment Program',
    variants: ['UNEP', 'UN Environment Programme', 'UN Environment', 'UN environment agency'],
  },
  {
    chapter: 'UN SDGs',
    variants: [
      'Sustainable Development Goals',
      'SDGs',
      'global goals',
      '2030 Agenda',
      'UN development goals',
    ],
  },
  {
    chapter: 'intergovernmental cooperation',
    variants: [
      'government-to-government cooperation',
      'state-to-state cooperation',
      'interstate cooperation',
      'G2G cooperation',
      'governmental cooperation',
    ],
  },
  {
    chapter: 'large scientific facilities',
    variants: [
      'big science facilities',
      'large research facilities',
      'megascience facilities',
      'major research infrastructure',
      'research installations',
    ],
  },
  {
    chapter: 'new R&D institutions',
    variants: [
      'new research institutes',
      'new research centers',
      'new labs',
      'new laboratories',
      'new-type research institutes',
    ],
  },
  {
    chapter: 'scientific and technological cooperation',
    variants: [
      'S&T cooperation',
      'science cooperation',
      'joint research programs',
      'science and tech collaboration',
      'research cooperation',
    ],
  },
  {
    chapter: 'Major projects',
    variants: [
      'big projects',
      'flagship projects',
      'key projects',
      'megaprojects',
      'large projects',
    ],
  },
  { chapter: 'encourage', variants: ['urge', 'motivate', 'spur', 'incentivize', 'push'] },
  {
    chapter: 'deployed in advance',
    variants: [
      'planned ahead',
      'set up early',
      'advance planning',
      'forward deployment',
      'early deployment',
    ],
  },
  {
    chapter: 'exit mechanisms',
    variants: [
      'exit strategies',
      'exit routes',
      'exit options',
      'divestment mechanisms',
      'ways out',
    ],
  },
  { chapter: 'establish', variants: ['set up', 'create', 'build', 'found', 'put in place'] },
  {
    chapter: 'market vitality',
    variants: [
      'market dynamism',
      'market energy',
      'vibrant market',
      'market vigor',
      'market vigour',
    ],
  },
  { chapter: 'unleash', variants: ['unlock', 'free up', 'release', 'unblock', 'unchain'] },
  { chapter: 'accelerate', variants: ['speed up', 'hasten', 'fast-track', 'step up', 'quicken'] },
  {
    chapter: 'market scale',
    variants: ['market size', 'market volume', 'big market', 'large market', 'scale of demand'],
  },
  {
    chapter: 'vast market',
    variants: [
      'huge market',
      'enormous market',
      'big market',
      'large consumer base',
      'massive market',
    ],
  },
  {
    chapter: 'technology maturation',
    variants: [
      'technology readiness',
      'tech maturing',
      'maturing technology',
      'technology development',
    ],
  },
  {
    chapter: 'product pilot testing',
    variants: ['pilot tests', 'trial runs', 'prototype testing', 'beta testing', 'piloting'],
  },
  {
    chapter: 'early market applications',
    variants: [
      'early adoption',
      'first customers',
      'early commercial use',
      'market entry',
      'early adopters',
    ],
  },
  {
    chapter: 'differentiated niche markets',
    variants: [
      'niche markets',
      'specialized markets',
      'market niches',
      'specialty markets',
      'niches',
    ],
  },
  {
    chapter: 'low-cost',
    variants: ['cheap', 'affordable', 'inexpensive', 'cost-effective', 'low cost'],
  },
  {
    chapter: 'large-scale industrialization',
    variants: [
      'mass production',
      'scale-up',
      'industrial scale',
      'mass manufacturing',
      'large-scale production',
    ],
  },
  {
    chapter: 'collaborative innovation mechanisms',
    variants: [
      'joint innovation systems',
      'cooperative innovation frameworks',
      'innovation partnerships',
      'collaborative innovation systems',
    ],
  },
  {
    chapter: 'scientists + entrepreneurs',
    variants: [
      'scientist-entrepreneur model',
      'scientists and entrepreneurs',
      'science-business partnership',
      'researchers and businesspeople',
      'lab-to-business',
    ],
  },
  {
    chapter: 'entrepreneurs',
    variants: [
      'business people',
      'businessmen',
      'founders',
      'startup founders',
      'business leaders',
    ],
  },
  {
    chapter: 'scientists',
    variants: ['researchers', 'scholars', 'academics', 'scientific community'],
  },
  {
    chapter: 'business dialogues',
    variants: ['business talks', 'business exchanges', 'industry dialogue', 'business forums'],
  },
  {
    chapter: 'theoretical research',
    variants: [
      'basic research',
      'fundamental research',
      'pure research',
      'theory',
      'blue-sky research',
    ],
  },
  {
    chapter: 'engineering design',
    variants: ['engineering', 'product design', 'technical design', 'design engineering'],
  },
  {
    chapter: 'product commercialization',
    variants: [
      'bringing to market',
      'commercialisation',
      'going to market',
      'market launch',
      'monetization',
    ],
  },
  {
    chapter: 'Level up',
    variants: ['increase', 'boost', 'step up', 'raise', 'scale up', 'enhance'],
  },
  {
    chapter: 'patient capital',
    variants: [
      'long-term investment',
      'long-term capital',
      'long-term funding',
      'patient money',
      'long-horizon investors',
      'slow money',
      'long-term investors',
    ],
  },
  {
    chapter: 'government funding for scientific research',
    variants: [
      'public research funding',
      'state science funding',
      'government research grants',
      'public R&D spending',
      'research grants',
    ],
  },
  {
    chapter: 'scientific research',
    variants: ['science research', 'research', 'scientific studies', 'academic research'],
  },
  {
    chapter: 'industry guidance funds',
    variants: [
      'government guidance funds',
      'state-backed funds',
      'industrial funds',
      'guidance funds',
      'government VC funds',
    ],
  },
  {
    chapter: 'investment funds',
    variants: ['venture capital', 'private equity', 'VC funds', 'funds', 'commercial funds'],
  },
  {
    chapter: 'social capital',
    variants: [
      'private capital',
      'private investment',
      'private money',
      'private-sector funding',
      'non-government capital',
    ],
  },
  {
    chapter: 'financial institutions',
    variants: ['banks', 'financiers', 'lenders', 'financial firms', 'investors'],
  },
  {
    chapter: 'AI',
    variants: [
      'artificial intelligence',
      'machine intelligence',
      'machine learning',
      'A.I.',
      'smart machines',
    ],
  },
  {
    chapter: 'artificial intelligence',
    variants: ['AI', 'machine intelligence', 'A.I.', 'machine learning'],
  },
  {
    chapter: 'sustainability',
    variants: [
      'long-term viability',
      'sustainable development',
      'durability',
      'environmental friendliness',
      'staying power',
    ],
  },
  {
    chapter: 'State Council of China',
    variants: [
      'State Council',
      'Chinese cabinet',
      "China's cabinet",
      'central government',
      'Chinese government',
    ],
  },
  {
    chapter: 'Development Planning for a New Generation of Artificial Intelligence',
    variants: ['AI development plan', 'national AI plan', 'AI strategy', '2017 AI plan'],
  },
  {
    chapter: 'institutional support',
    variants: [
      'policy support',
      'government support',
      'regulatory support',
      'policy backing',
      'institutional backing',
    ],
  },
  { chapter: 'transparent', variants: ['open', 'clear', 'visible', 'above-board'] },
  {
    chapter: 'invisible barriers',
    variants: [
      'hidden barriers',
      'hidden obstacles',
      'unseen walls',
      'hidden restrictions',
      'non-tariff barriers',
    ],
  },
  {
    chapter: 'intellectual property',
    variants: ['IP', 'IPR', 'intellectual property rights', 'patents and copyrights', 'IP rights'],
  },
  {
    chapter: 'politicized',
    variants: ['politicised', 'weaponized', 'political', 'made political', 'politicization'],
  },
  {
    chapter: 'social well-being',
    variants: ['social welfare', 'wellbeing', 'quality of life', 'public welfare', 'human welfare'],
  },
  {
    chapter: 'legal foundation',
    variants: ['legal basis', 'legal framework', 'legal groundwork', 'legal footing'],
  },
  {
    chapter: 'legislation',
    variants: ['lawmaking', 'laws', 'legal rules', 'statutes', 'regulation'],
  },
  {
    chapter: 'exploratory stage',
    variants: ['early stage', 'experimental stage', 'initial stage', 'trial phase', 'early days'],
  },
  {
    chapter: 'draft law',
    variants: ['bill', 'proposed law', 'draft legislation', 'legislative proposal', 'draft AI law'],
  },
  {
    chapter: 'Chinese scholars',
    variants: ['Chinese academics', 'Chinese researchers', 'Chinese experts', 'Chinese professors'],
  },
  {
    chapter: 'rights protection',
    variants: [
      'protection of rights',
      'user rights',
      'rights safeguards',
      'consumer protection',
      'rights',
    ],
  },
  {
    chapter: 'safety obligations',
    variants: ['safety duties', 'safety requirements', 'safety rules', 'security obligations'],
  },
  {
    chapter: 'supervision and management',
    variants: ['oversight', 'regulation', 'monitoring', 'supervision', 'administration'],
  },
  {
    chapter: 'legal responsibilities',
    variants: ['legal liability', 'liability', 'accountability', 'legal obligations'],
  },
  {
    chapter: 'Chinese approach',
    variants: [
      'Chinese solution',
      "China's way",
      'Chinese model',
      'Chinese plan',
      "China's approach",
    ],
  },
  { chapter: 'safety', variants: ['AI safety', 'security', 'risk control', 'safeguards'] },
  {
    chapter: 'governance',
    variants: ['regulation', 'oversight', 'management', 'rules', 'administration'],
  },
  {
    chapter: 'pragmatic cooperation',
    variants: [
      'practical cooperation',
      'realistic cooperation',
      'hands-on cooperation',
      'concrete cooperation',
    ],
  },
  {
    chapter: 'China-US intergovernmental dialogue',
    variants: [
      'US-China AI talks',
      'Sino-US dialogue',
      'China-US AI talks',
      'bilateral AI talks',
      'Geneva AI talks',
    ],
  },
  {
    chapter: 'China-US',
    variants: ['US-China', 'Sino-US', 'Sino-American', 'China-America', 'Beijing-Washington'],
  },
  { chapter: 'Geneva', variants: ['Swiss city', 'Geneva Switzerland'] },
  {
    chapter: 'signaling intents',
    variants: [
      'expressing willingness',
      'signaling interest',
      'showing intent',
      'indicating readiness',
      'signalling intent',
    ],
  },
  {
    chapter: 'global flow of data',
    variants: [
      'cross-border data flows',
      'international data transfer',
      'data crossing borders',
      'global data flows',
    ],
  },
  {
    chapter: 'daily life',
    variants: ['everyday life', 'day-to-day life', 'ordinary life', 'everyday living'],
  },
  {
    chapter: 'deepfake',
    variants: ['AI fakes', 'doctored videos', 'fake videos', 'synthetic media', 'face swap'],
  },
  {
    chapter: 'misinformation',
    variants: ['disinformation', 'fake news', 'false information', 'falsehoods', 'propaganda'],
  },
  {
    chapter: 'economic security',
    variants: ['financial security', 'economic safety', 'economic stability', 'national security'],
  },
  {
    chapter: 'Chinese enterprises',
    variants: ['Chinese companies', 'Chinese firms', 'Chinese businesses', 'Chinese corporations'],
  },
  { chapter: 'enterprises', variants: ['companies', 'firms', 'businesses', 'corporations'] },
  { chapter: 'figure', variants: ['chart', 'graph', 'diagram', 'fig'] },
  { chapter: 'table', variants: ['chart', 'list', 'data table', 'tabulation'] },
  { chapter: 'report', variants: ['study', 'paper', 'publication', 'analysis'] },
  { chapter: 'promote', variants: ['encourage', 'foster', 'advance', 'push', 'boost'] },
  { chapter: 'strengthen', variants: ['reinforce', 'boost', 'bolster', 'deepen', 'consolidate'] },
  {
    chapter: 'advanced',
    variants: ['cutting-edge', 'sophisticated', 'high-tech', 'modern', 'state-of-the-art'],
  },
  {
    chapter: 'cooperation',
    variants: ['collaboration', 'partnership', 'working together', 'co-operation', 'teamwork'],
  },
  { chapter: 'smart', variants: ['intelligent', 'AI-powered', 'connected', 'clever'] },
  {
    chapter: 'Technological progress',
    variants: ['tech progress', 'technical progress', 'technological advances', 'tech advances'],
  },
  {
    chapter: 'the United States and Europe',
    variants: ['the West', 'US and EU', 'America and Europe', 'transatlantic'],
  },
  {
    chapter: 'clean energy',
    variants: ['renewable energy', 'green energy', 'renewables', 'clean power'],
  },
]
