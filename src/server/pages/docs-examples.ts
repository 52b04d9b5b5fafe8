/**
 * One example request and its response for every endpoint, shown on `/docs`. The responses were
 * taken from the real server and shortened (arrays to their first item, long strings cut with
 * “…”); a test sends every request to the app and checks that the status and the shape of the
 * response (field names and types) still match.
 */

/** An example exchange with one operation. */
export interface ApiExample {
  method: 'get' | 'post'
  /** The OpenAPI path of the operation. */
  path: string
  /** What is requested (path and query). */
  url: string
  body?: unknown
  status: number
  response: unknown
  /** The same operation with `Accept: text/event-stream`: a request body and the events. */
  stream?: { body: unknown; events: string }
}

/** The examples, by operation. `{answerId}` stands for the `id` of an answer. */
export const API_EXAMPLES: ApiExample[] = [
  {
    method: 'post',
    path: '/api/ask',
    url: '/api/ask',
    body: {
      question: 'What is the centrality of the Netherlands?',
    },
    status: 200,
    response: {
      answer:
        'In Table 8.4 (Centrality of international scientific research cooperation center: 2020), Netherlands has a centrality…',
      answerable: true,
      citations: [
        {
          n: 1,
          id: 'II.4/table-8.4/row-9',
          label: '§II.4, Table 8.4 (Netherlands)',
          section: 'II.4',
          sectionTitle:
            'Abundant achievements in international scientific and academic cooperation',
          kind: 'table-row',
          quote: 'Netherlands 3.1',
          start: 22839,
          end: 22853,
        },
      ],
      standaloneQuestion: 'What is the centrality of the Netherlands?',
    },
  },
  {
    method: 'post',
    path: '/api/chat',
    url: '/api/chat',
    body: {
      messages: [
        {
          role: 'user',
          content: "What is Spain's share of internationally coauthored papers?",
        },
        {
          role: 'assistant',
          content:
            'In Table 8.3 (…), Spain’s share of internationally coauthored papers is 45.57%. [1]',
        },
        {
          role: 'user',
          content: 'And Canada?',
        },
      ],
    },
    status: 200,
    response: {
      answer:
        'In Table 8.3 (International co-authorship in advanced manufacturing technologies of top 20 economies: 2011-2020), Can…',
      answerable: true,
      citations: [
        {
          n: 1,
          id: 'II.4/table-8.3/row-12',
          label: '§II.4, Table 8.3 (Canada)',
          section: 'II.4',
          sectionTitle:
            'Abundant achievements in international scientific and academic cooperation',
          kind: 'table-row',
          quote: '12 Canada 4,704 1,645 34.97',
          start: 20899,
          end: 20926,
        },
      ],
      standaloneQuestion: "What is Canada's share of internationally coauthored papers?",
    },
    stream: {
      body: {
        messages: [
          {
            role: 'user',
            content: 'What is the centrality of the Netherlands?',
          },
        ],
      },
      events:
        'event: meta\ndata: {"standaloneQuestion":"What is the centrality of the Netherlands?"}\n\nevent: citations\ndata: [{"n":1,"id":"II.4/table-8.4/row-9","label":"§II.4, Table 8.4 (Netherlands)",…}]\n\nevent: token\ndata: {"text":"In Table 8.4 (Centrality of international scientific research cooperation center: 2020), "}\n\nevent: token\ndata: {"text":"Netherlands has a centrality of 3.1, 9th of 30. [1]"}\n\nevent: done\ndata: {"answer":"In Table 8.4 (…), Netherlands has a centrality of 3.1, 9th of 30. [1]","answerable":true,"citations":[…],…}\n\n',
    },
  },
  {
    method: 'get',
    path: '/api/search',
    url: '/api/search?q=centrality%20of%20the%20Netherlands&k=2',
    status: 200,
    response: {
      results: [
        {
          n: 1,
          id: 'II.4/table-8.4/row-9',
          label: '§II.4, Table 8.4 (Netherlands)',
          section: 'II.4',
          sectionTitle:
            'Abundant achievements in international scientific and academic cooperation',
          kind: 'table-row',
          quote: 'Netherlands 3.1',
          start: 22839,
          end: 22853,
          score: 0.189,
          text: 'Table 8.4 (Centrality of international scientific research cooperation center: 2020): Netherlands has a centrality of…',
          scores: {
            bm25: 17.092,
            dense: 0.367,
          },
        },
      ],
    },
  },
  {
    method: 'post',
    path: '/api/cite',
    url: '/api/cite',
    body: {
      text: 'Technological innovation as a core element',
      style: 'mla',
    },
    status: 200,
    response: {
      matches: [
        {
          n: 1,
          id: 'I.2/p-3',
          label: '§I.2, ¶3',
          section: 'I.2',
          sectionTitle: 'Characteristics of new quality productive forces',
          kind: 'paragraph',
          quote: 'Technological innovation as a core element',
          start: 5235,
          end: 5277,
          match: 'exact',
          similarity: 1,
        },
      ],
      citation:
        '[Author(s)]. “Development of New Quality Productive Forces and Global Cooperation on Open Innovation.” [Book title],…',
      mode: 'quote',
      verdict: 'exact',
    },
  },
  {
    method: 'get',
    path: '/api/sections',
    url: '/api/sections',
    status: 200,
    response: {
      id: 'chapter-8',
      title:
        'Development of New Quality Productive Forces and Global Cooperation on Open Innovation',
      children: [
        {
          id: 'intro',
          title: 'Chapter introduction',
          children: [],
        },
      ],
    },
  },
  {
    method: 'get',
    path: '/api/sections/{id}',
    url: '/api/sections/II.4',
    status: 200,
    response: {
      id: 'II.4',
      title: 'Abundant achievements in international scientific and academic cooperation',
      text: '4. Abundant achievements in international scientific and academic cooperation\n\nIn terms of literature composed throug…',
      blocks: [
        {
          n: 1,
          id: 'II.4/heading',
          label: '§II.4, heading',
          section: 'II.4',
          sectionTitle:
            'Abundant achievements in international scientific and academic cooperation',
          kind: 'heading',
          quote: '4. Abundant achievements in international scientific and academic cooperation',
          start: 18617,
          end: 18694,
        },
      ],
    },
  },
  {
    method: 'get',
    path: '/api/tables',
    url: '/api/tables',
    status: 200,
    response: {
      tables: [
        {
          id: '8.1',
          caption: 'Achievements of multilateral digital cooperations from BRF',
          section: 'II.2',
          columns: [
            {
              key: 'number',
              label: 'No.',
              type: 'integer',
            },
          ],
          rows: [
            {
              id: 'II.2/table-8.1/row-1',
              position: 1,
              number: 1,
              title:
                'The Beijing Initiative on Belt and Road Digital Economy International Cooperation',
              printed: {
                number: '1',
                title:
                  'The Beijing Initiative on Belt and Road Digital Economy International Cooperation',
              },
              start: 15627,
              end: 15711,
            },
          ],
        },
      ],
    },
  },
  {
    method: 'get',
    path: '/api/tables/{id}',
    url: '/api/tables/8.4',
    status: 200,
    response: {
      id: '8.4',
      caption: 'Centrality of international scientific research cooperation center: 2020',
      section: 'II.4',
      columns: [
        {
          key: 'country',
          label: 'Country',
          type: 'text',
        },
      ],
      rows: [
        {
          id: 'II.4/table-8.4/row-1',
          position: 1,
          country: 'United States',
          centrality: 11.5,
          printed: {
            country: 'United States',
            centrality: '11.5',
          },
          start: 22539,
          end: 22557,
        },
      ],
    },
  },
  {
    method: 'get',
    path: '/healthz',
    url: '/healthz',
    status: 200,
    response: {
      ok: true,
      model: 'glove-sif-100d',
      index: {
        chunks: 131,
        builtAt: '2026-11-28T11:21:16.913Z',
        corpusSha256: 'ed0a8af3916a3a0330a5b66d92eaceef0d3cc8fd6ef89baa83422c7ba1f84b2d',
      },
    },
  },
  {
    method: 'get',
    path: '/v1/models',
    url: '/v1/models',
    status: 200,
    response: {
      object: 'list',
      data: [
        {
          id: 'chapter-assistant',
          object: 'model',
          created: 0,
          owned_by: 'chapter-assistant',
        },
      ],
    },
  },
  {
    method: 'post',
    path: '/v1/chat/completions',
    url: '/v1/chat/completions',
    body: {
      model: 'chapter-assistant',
      messages: [
        {
          role: 'user',
          content: 'What is the centrality of the Netherlands?',
        },
      ],
    },
    status: 200,
    response: {
      id: 'chatcmpl-c0114874-83e3-41ef-a559-80aa8f99b187',
      object: 'chat.completion',
      created: 1795911607,
      model: 'chapter-assistant',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content:
              'In Table 8.4 (Centrality of international scientific research cooperation center: 2020), Netherlands has a centrality…',
            refusal: null,
          },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: 7,
        completion_tokens: 31,
        total_tokens: 38,
      },
      citations: [
        {
          n: 1,
          id: 'II.4/table-8.4/row-9',
          label: '§II.4, Table 8.4 (Netherlands)',
          section: 'II.4',
          sectionTitle:
            'Abundant achievements in international scientific and academic cooperation',
          kind: 'table-row',
          quote: 'Netherlands 3.1',
          start: 22839,
          end: 22853,
        },
      ],
      standaloneQuestion: 'What is the centrality of the Netherlands?',
      answerable: true,
    },
  },
  {
    method: 'post',
    path: '/api/feedback',
    url: '/api/feedback',
    body: {
      answerId: '{answerId}',
      rating: 'down',
      comment: 'It did not mention the year.',
    },
    status: 202,
    response: {
      ok: true,
    },
  },
]
