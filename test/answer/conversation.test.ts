import { describe, expect, it } from 'vitest'
import { EntityCatalog } from '../../src/analysis/entities.ts'
import { resolveFollowUp } from '../../src/answer/conversation.ts'
import type { ChatTurn } from '../../src/answer/types.ts'
import { doc } from '../helpers/corpus.ts'

const catalog = new EntityCatalog(doc())
const u = (content: string): ChatTurn => ({ role: 'user', content })
const a = (content: string): ChatTurn => ({ role: 'assistant', content })
const resolve = (q: string, ...history: ChatTurn[]) => resolveFollowUp(q, history, catalog)

describe('follow-up resolution', () => {
  it('leaves a first question alone (normalized)', () => {
    expect(resolve('What is Ttaly’s share?')).toBe("What is Italy's share?")
  })

  it('ellipsis: "And Canada\'s?", "What about Spain?", "And in Asia?"', () => {
    expect(
      resolve(
        "And Canada's?",
        u("What is Spain's share of internationally coauthored papers?"),
        a('…'),
      ),
    ).toBe("What is Canada's share of internationally coauthored papers?")
    expect(resolve('What about Spain?', u('How many papers did Germany publish?'), a('…'))).toBe(
      'How many papers did Spain publish?',
    )
    expect(
      resolve('And in Asia?', u('What green energy projects are there in Africa?'), a('…')),
    ).toBe('What green energy projects are there in Asia?')
    expect(resolve('And the share?', u('How many papers did Italy publish?'), a('…'))).toBe(
      "What is Italy's share of internationally coauthored papers?",
    )
    expect(
      resolve(
        'And how many solar pump systems?',
        u('How many off-grid solar home systems were installed?'),
        a('…'),
      ),
    ).toBe('How many solar pump systems?')
  })

  it('pronouns: "its", "both of them", "which of them", from questions and from answers', () => {
    expect(resolve('And its centrality?', u('How many papers did Germany publish?'), a('…'))).toBe(
      "What is Germany's centrality?",
    )
    const two = [u('How many papers did Germany publish?'), a('…'), u('And Japan?'), a('…')]
    expect(resolve('Which of them has more papers?', ...two)).toBe(
      'Which of Germany and Japan has more papers?',
    )
    expect(resolve('Compare both of them', ...two)).toBe(
      'Compare Germany and Japan by number of papers',
    )
    expect(
      resolve(
        'What is its centrality?',
        u('Which economy has the highest share of internationally coauthored papers?'),
        a(
          'In Table 8.3 (…), Switzerland has the highest share of internationally coauthored papers: 49.77%. [1]',
        ),
      ),
    ).toBe("What is Switzerland's centrality?")
  })

  it('demonstratives: "that initiative", "those projects", "that statement"', () => {
    expect(
      resolve(
        'When was that initiative proposed?',
        u('What did China propose in 2023 on AI governance?'),
        a(
          'In 2023, China proposed the Global AI Governance Initiative, systematically outlining a Chinese approach. [1]',
        ),
      ),
    ).toBe('When was the Global AI Governance Initiative proposed?')
    expect(
      resolve(
        'How many households will those projects supply?',
        u('How many new energy generation projects do Chinese enterprises support in Colombia?'),
        a('…'),
      ),
    ).toBe('How many households will the new energy generation projects supply?')
    expect(
      resolve(
        'What else does that statement include?',
        u('What did the United States and Germany agree on?'),
        a(
          'In May 2024, the United States and Germany issued a joint statement regarding cooperation. [1]',
        ),
      ),
    ).toBe('What else does the joint statement include?')
  })

  it('comparisons over entities from earlier turns keep the column in focus', () => {
    expect(
      resolve('Compare France and Italy', u('What is the centrality of France?'), a('…')),
    ).toBe('Compare France and Italy by centrality')
    expect(
      resolve(
        'What about Germany and China?',
        u('What is the centrality of the United Kingdom?'),
        a('…'),
      ),
    ).toBe('What is the centrality of Germany and China?')
  })
})
