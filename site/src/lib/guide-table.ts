/**
 * The guide's declared table: which evaluation criteria matter for which use of an explanation, why,
 * and what each criterion can and cannot show, each row with the published sources it rests on. This
 * is a judgement, written down so that it can be read and disputed; which methods lead under it is not
 * written anywhere but computed from the leaderboard (lib/guide.ts).
 *
 * Sources: Gilpin et al. (2018) for the two qualities an explanation must balance (completeness, i.e.
 * fidelity to the model, against interpretability to a person); Doshi-Velez & Kim (2017) for matching the
 * evaluation to the application and the need for human-grounded evaluation; Adebayo et al. (2018) for
 * sanity checks; Wachter, Mittelstadt & Russell (2018) for explanations owed to the people a decision is
 * about; Andrews, Diederich & Tickle (1995) for rule extraction; and, per criterion, the papers the metric
 * registry cites for its metrics (metrics/*, as catalog.json lists them).
 */
import type { Bilingual } from './types';

export interface Source {
  readonly id: string;
  /** Authors, year, title, venue: a citation a reader can look up. */
  readonly cite: string;
  readonly url?: string;
}

export const SOURCES: readonly Source[] = [
  {
    id: 'gilpin2018',
    cite: 'Gilpin, Bau, Yuan, Bajwa, Specter & Kagal (2018). "Explaining explanations: an overview of interpretability of machine learning". IEEE DSAA.',
    url: 'https://arxiv.org/abs/1806.00069',
  },
  {
    id: 'doshi2017',
    cite: 'Doshi-Velez & Kim (2017). "Towards a rigorous science of interpretable machine learning". arXiv:1702.08608.',
    url: 'https://arxiv.org/abs/1702.08608',
  },
  { id: 'adebayo2018', cite: 'Adebayo, Gilmer, Muelly, Goodfellow, Hardt & Kim (2018). "Sanity checks for saliency maps". NeurIPS.', url: 'https://arxiv.org/abs/1810.03292' },
  {
    id: 'wachter2018',
    cite: 'Wachter, Mittelstadt & Russell (2018). "Counterfactual explanations without opening the black box: automated decisions and the GDPR". Harvard Journal of Law & Technology 31(2).',
    url: 'https://arxiv.org/abs/1711.00399',
  },
  {
    id: 'andrews1995',
    cite: 'Andrews, Diederich & Tickle (1995). "Survey and critique of techniques for extracting rules from trained artificial neural networks". Knowledge-Based Systems 8(6).',
  },
  {
    id: 'hoffman2018',
    cite: 'Hoffman, Mueller, Klein & Litman (2018). "Metrics for explainable AI: challenges and prospects". arXiv:1812.04608.',
    url: 'https://arxiv.org/abs/1812.04608',
  },
  {
    id: 'arras2022',
    cite: 'Arras, Osman & Samek (2022). "CLEVR-XAI: a benchmark dataset for the ground truth evaluation of neural network explanations". Information Fusion 81.',
    url: 'https://arxiv.org/abs/2003.07258',
  },
  {
    id: 'nauta2023',
    cite: 'Nauta et al. (2023). "From anecdotal evidence to quantitative evaluation methods: a systematic review on evaluating explainable AI". ACM Computing Surveys 55(13s).',
    url: 'https://arxiv.org/abs/2201.08164',
  },
];

export type Importance = 'essential' | 'useful';

/** Weights the computed ranking gives each importance (criteria not listed get 0). */
export const IMPORTANCE_WEIGHT: Readonly<Record<Importance, number>> = { essential: 2, useful: 1 };

export interface CriterionNeed {
  readonly criterion: string;
  readonly importance: Importance;
  readonly why: Bilingual;
  readonly sources: readonly string[];
}

export interface UseCase {
  readonly id: string;
  readonly title: Bilingual;
  readonly situation: Bilingual;
  /** The comparison group (explainer family) whose aggregate ranks the methods for this use. */
  readonly group: string;
  /** The data type of the tasks that match it (the leaderboard's task tables are linked filtered to it). */
  readonly kind: 'tabular' | 'image' | null;
  readonly needs: readonly CriterionNeed[];
}

export const USE_CASES: readonly UseCase[] = [
  {
    id: 'high-stakes-tabular',
    title: { en: 'High-stakes decisions on tabular data', ko: '표 형식 데이터로 내리는 중대한 결정' },
    situation: {
      en: 'Hiring, credit or medical decisions from records: an auditor must know which inputs really drove a decision (for example whether gender did).',
      ko: '채용, 대출, 의료처럼 기록을 보고 내리는 결정입니다. 감사자는 어떤 입력이 실제로 결정을 좌우했는지(예를 들어 성별이 영향을 주었는지) 알아야 합니다.',
    },
    group: 'attribution',
    kind: 'tabular',
    needs: [
      {
        criterion: 'fidelity',
        importance: 'essential',
        why: {
          en: 'An explanation that does not reflect what the model uses can hide a biased input: accuracy to the model comes first (Gilpin et al. call it completeness).',
          ko: '모델이 실제로 쓰는 정보를 반영하지 않는 설명은 편향된 입력을 가릴 수 있습니다. 모델에 대한 정확성이 먼저입니다(Gilpin 등은 이를 완전성이라 부릅니다).',
        },
        sources: ['gilpin2018', 'nauta2023'],
      },
      {
        criterion: 'sanity',
        importance: 'essential',
        why: {
          en: 'A method whose answer does not change when the model is randomised explains the input, not the model, and cannot support an audit.',
          ko: '모델을 무작위로 바꿔도 답이 그대로인 방법은 모델이 아니라 입력을 설명하는 것이므로 감사의 근거가 될 수 없습니다.',
        },
        sources: ['adebayo2018'],
      },
      {
        criterion: 'stability',
        importance: 'essential',
        why: {
          en: 'Two nearly identical applicants should get nearly the same explanation, and rerunning the method should not change it.',
          ko: '거의 같은 두 지원자는 거의 같은 설명을 받아야 하고, 방법을 다시 실행해도 설명이 바뀌지 않아야 합니다.',
        },
        sources: ['nauta2023'],
      },
      {
        criterion: 'completeness',
        importance: 'useful',
        why: {
          en: 'When the contributions add up to the output, an auditor can read them as shares of the decision.',
          ko: '기여도의 합이 출력과 맞으면 감사자는 기여도를 결정의 몫으로 읽을 수 있습니다.',
        },
        sources: ['gilpin2018'],
      },
    ],
  },
  {
    id: 'images',
    title: { en: 'Decisions on images', ko: '이미지로 내리는 결정' },
    situation: {
      en: 'A model that reads images (scans, photographs, digits): the explanation is a heat map over the pixels that should point at the evidence.',
      ko: '영상, 사진, 손글씨 숫자처럼 이미지를 읽는 모델입니다. 설명은 픽셀 위의 열 지도이며 근거가 있는 곳을 가리켜야 합니다.',
    },
    group: 'attribution',
    kind: 'image',
    needs: [
      {
        criterion: 'fidelity',
        importance: 'essential',
        why: {
          en: 'Removing the pixels a heat map marks should change the output most; a map that looks plausible but does not is misleading.',
          ko: '열 지도가 표시한 픽셀을 지우면 출력이 가장 크게 바뀌어야 합니다. 그럴듯해 보여도 그렇지 않은 지도는 오해를 부릅니다.',
        },
        sources: ['gilpin2018', 'nauta2023'],
      },
      {
        criterion: 'sanity',
        importance: 'essential',
        why: {
          en: 'Some heat maps look like edge detectors and barely change when the model is randomised: the check exposes them.',
          ko: '어떤 열 지도는 윤곽선 검출기처럼 보이며 모델을 무작위로 바꿔도 거의 변하지 않습니다. 건전성 검사가 이를 드러냅니다.',
        },
        sources: ['adebayo2018'],
      },
      {
        criterion: 'localisation',
        importance: 'essential',
        why: {
          en: 'Where the true evidence is known, the heat map should find it; this is only measurable where a ground truth exists.',
          ko: '실제 근거의 위치를 알 때 열 지도는 그곳을 찾아야 합니다. 정답이 있는 곳에서만 잴 수 있습니다.',
        },
        sources: ['arras2022'],
      },
      {
        criterion: 'stability',
        importance: 'useful',
        why: {
          en: 'Invisible noise on an image should not move the heat map.',
          ko: '눈에 보이지 않는 잡음이 이미지에 더해져도 열 지도가 움직이지 않아야 합니다.',
        },
        sources: ['nauta2023'],
      },
      {
        criterion: 'complexity',
        importance: 'useful',
        why: {
          en: 'A concentrated map is easier to read than one spread over every pixel (a proxy, not a measure of understanding).',
          ko: '모든 픽셀에 퍼진 지도보다 몇 곳에 모인 지도가 읽기 쉽습니다(이해도를 직접 재는 것이 아니라 대리 지표입니다).',
        },
        sources: ['gilpin2018'],
      },
    ],
  },
  {
    id: 'rules-transparency',
    title: { en: 'Transparency through rules', ko: '규칙을 통한 투명성' },
    situation: {
      en: 'A regulator or a domain expert wants to read the whole model as a short list of if-then rules, not one decision at a time.',
      ko: '규제 기관이나 분야 전문가가 결정 하나하나가 아니라 모델 전체를 짧은 "만약 ~이면 ~" 규칙 목록으로 읽고 싶어 합니다.',
    },
    group: 'rules',
    kind: 'tabular',
    needs: [
      {
        criterion: 'fidelity',
        importance: 'essential',
        why: {
          en: 'The rules must predict what the network predicts; readable rules that disagree with the network describe another model.',
          ko: '규칙은 신경망이 예측하는 것을 예측해야 합니다. 읽기 쉬워도 신경망과 어긋나는 규칙은 다른 모델을 설명하는 것입니다.',
        },
        sources: ['andrews1995'],
      },
      {
        criterion: 'complexity',
        importance: 'essential',
        why: {
          en: 'Comprehensibility (few, short rules) is the reason to extract rules at all.',
          ko: '규칙을 뽑는 이유가 바로 이해하기 쉬움(적고 짧은 규칙)입니다.',
        },
        sources: ['andrews1995', 'gilpin2018'],
      },
      {
        criterion: 'stability',
        importance: 'useful',
        why: {
          en: 'Rules that change completely when the training data is resampled are not a description of the model one can rely on.',
          ko: '학습 데이터를 다시 뽑을 때마다 완전히 바뀌는 규칙은 믿고 쓸 수 있는 모델 설명이 아닙니다.',
        },
        sources: ['nauta2023'],
      },
      {
        criterion: 'completeness',
        importance: 'useful',
        why: {
          en: 'Rules should cover the inputs rather than leave most decisions to a default rule.',
          ko: '규칙은 대부분의 결정을 기본 규칙에 맡기지 않고 입력을 포괄해야 합니다.',
        },
        sources: ['andrews1995'],
      },
    ],
  },
  {
    id: 'end-user',
    title: { en: 'Explanations for the people a decision is about', ko: '결정의 당사자에게 주는 설명' },
    situation: {
      en: 'An applicant or patient who is owed an explanation (a "right to an explanation"): it must be understood by a lay person and must not mislead.',
      ko: '설명을 요구할 권리가 있는 지원자나 환자입니다. 설명은 일반인이 이해할 수 있어야 하고 오해를 불러서는 안 됩니다.',
    },
    group: 'attribution',
    kind: null,
    needs: [
      {
        criterion: 'human',
        importance: 'essential',
        why: {
          en: 'Whether people understand and are satisfied with an explanation can only be measured with people.',
          ko: '사람들이 설명을 이해하고 만족하는지는 사람에게 물어야만 잴 수 있습니다.',
        },
        sources: ['doshi2017', 'hoffman2018'],
      },
      {
        criterion: 'complexity',
        importance: 'essential',
        why: {
          en: 'A short explanation is easier to follow; until human ratings exist, conciseness is the only (indirect) evidence of readability.',
          ko: '짧은 설명이 따라가기 쉽습니다. 사람 평가가 모이기 전까지는 간결성이 읽기 쉬움의 유일한(간접적인) 근거입니다.',
        },
        sources: ['gilpin2018', 'wachter2018'],
      },
      {
        criterion: 'stability',
        importance: 'essential',
        why: {
          en: 'A person who asks twice, or compares with a neighbour in the same situation, should hear the same reasons.',
          ko: '두 번 묻거나 같은 처지의 이웃과 비교하는 사람은 같은 이유를 들어야 합니다.',
        },
        sources: ['wachter2018'],
      },
      {
        criterion: 'fidelity',
        importance: 'useful',
        why: {
          en: 'An easy explanation that is not true to the model is persuasive and wrong (Gilpin et al. warn of exactly this trade-off).',
          ko: '모델에 충실하지 않은 쉬운 설명은 설득력 있지만 틀린 설명입니다(Gilpin 등이 바로 이 상충 관계를 경고합니다).',
        },
        sources: ['gilpin2018'],
      },
    ],
  },
];

/** What each criterion can and cannot show (the guide prints these beside the metrics that measure it). */
export const CRITERION_LIMITS: Readonly<Record<string, { readonly can: Bilingual; readonly cannot: Bilingual }>> = {
  fidelity: {
    can: {
      en: 'Whether removing or perturbing what the explanation marks changes the model output as the explanation says.',
      ko: '설명이 표시한 부분을 지우거나 흔들었을 때 모델 출력이 설명대로 바뀌는지 보여 줍니다.',
    },
    cannot: {
      en: 'Perturbed inputs leave the data the model was trained on, so part of a score can reflect that, not the explanation; no metric here proves an explanation "true".',
      ko: '섭동한 입력은 모델이 학습한 데이터에서 벗어나므로 점수의 일부는 설명이 아니라 그 때문일 수 있습니다. 어떤 지표도 설명이 "참"임을 증명하지는 못합니다.',
    },
  },
  completeness: {
    can: { en: 'Whether the contributions add up to the output they explain.', ko: '기여도의 합이 설명하는 출력과 맞는지 보여 줍니다.' },
    cannot: {
      en: 'Some methods add up by construction (integrated gradients, KernelSHAP): for them it checks the implementation, not the quality of the explanation.',
      ko: '어떤 방법(integrated gradients, KernelSHAP)은 구조상 합이 맞으므로, 이들에게는 설명의 품질이 아니라 구현을 확인하는 것입니다.',
    },
  },
  stability: {
    can: { en: 'Whether nearby inputs, or reruns with other seeds, get the same explanation.', ko: '가까운 입력이나 다른 시드로 다시 실행했을 때 같은 설명이 나오는지 보여 줍니다.' },
    cannot: {
      en: 'A constant explanation is perfectly stable and useless: read it together with fidelity and the sanity checks.',
      ko: '늘 같은 설명은 완벽하게 안정적이지만 쓸모가 없습니다. 충실도, 건전성 검사와 함께 읽어야 합니다.',
    },
  },
  sanity: {
    can: {
      en: 'Whether the explanation changes when the model is randomised or another class is explained (a method that fails explains the input, not the model).',
      ko: '모델을 무작위로 바꾸거나 다른 클래스를 설명할 때 설명이 바뀌는지 보여 줍니다(실패하는 방법은 모델이 아니라 입력을 설명합니다).',
    },
    cannot: {
      en: 'Passing is necessary, not sufficient: a method can change and still be unfaithful. Measured on attribution methods only.',
      ko: '통과는 필요조건일 뿐 충분조건이 아닙니다. 바뀌면서도 충실하지 않을 수 있습니다. 기여도 방법에서만 잽니다.',
    },
  },
  localisation: {
    can: {
      en: 'Whether the explanation finds evidence whose location is known, on tasks built with a ground truth.',
      ko: '정답을 알고 만든 과제에서, 위치가 알려진 근거를 설명이 찾는지 보여 줍니다.',
    },
    cannot: {
      en: 'Only synthetic tasks have a ground truth, and a model need not use the planted evidence; nothing is measured on real data.',
      ko: '정답은 합성 과제에만 있고, 모델이 심어 둔 근거를 꼭 쓴다는 보장도 없습니다. 실제 데이터에서는 재지 않습니다.',
    },
  },
  complexity: {
    can: { en: 'How concentrated or short an explanation is.', ko: '설명이 얼마나 몇 곳에 모여 있는지, 얼마나 짧은지 보여 줍니다.' },
    cannot: {
      en: 'Conciseness is a proxy for readability, not a measure of what people understand.',
      ko: '간결성은 읽기 쉬움의 대리 지표일 뿐, 사람들이 실제로 이해하는 정도를 재지 않습니다.',
    },
  },
  cost: {
    can: { en: 'Time and model passes per explanation.', ko: '설명 하나에 드는 시간과 모델 호출 횟수를 보여 줍니다.' },
    cannot: { en: 'Seconds depend on the machine; pass counts do not.', ko: '초 단위 시간은 기계에 따라 다르고, 호출 횟수는 그렇지 않습니다.' },
  },
  human: {
    can: {
      en: 'What people rate: sensibleness, specificity, satisfaction (rating studies with inter-rater agreement).',
      ko: '사람들이 매긴 합리성, 구체성, 만족도를 보여 줍니다(평가자 간 일치도를 함께 잰 설문).',
    },
    cannot: {
      en: 'Only real rating files count; none are simulated.',
      ko: '실제 평가 파일만 반영하며 모의 평가는 없습니다.',
    },
  },
};
