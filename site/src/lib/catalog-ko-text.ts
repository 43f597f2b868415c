/**
 * The Korean of every definition and parameter note the built-in explainers and metrics declare, keyed by
 * the English text itself (lib/catalog-ko.ts uses it; site/builder/catalog-ko.test.ts checks it is complete
 * and current). Data: regenerate the keys from catalog.json when declarations change.
 */
export const CATALOG_KO: Readonly<Record<string, string>> = {
  "Area under the curve of the target output as the most relevant input elements are cumulatively replaced by the baseline, in `steps` equal fractions, x in [0, 1] (trapezoid rule). Lower is better; with output=probability it lies in [0, 1].":
    "가장 관련 있는 입력 요소부터 차례로 기준 입력 값으로 바꿔 가며(`steps`개의 같은 비율로, x는 [0, 1]) 그린 대상 출력 곡선의 아래 넓이(사다리꼴 규칙)입니다. 낮을수록 좋습니다. output=probability이면 [0, 1] 안에 있습니다.",
  "number of equal fractions of the input elements (capped at the number of elements)":
    "입력 요소를 나누는 같은 비율의 개수(요소 수를 넘지 않음)",
  "ranking: signed = most positive first (MoRF), absolute = largest |attribution| first":
    "순위: signed = 가장 큰 양수부터(MoRF), absolute = |기여도|가 가장 큰 것부터",
  "model output read along the curve, for the target class":
    "곡선을 따라 읽는 모델 출력(대상 클래스)",
  "value of a removed element: task = the task baseline, zero = 0, blur = Gaussian blur of the input (image tasks)":
    "지운 요소의 값: task = 과제의 기준 입력, zero = 0, blur = 입력을 가우스 흐림한 값(이미지 과제)",
  "Gaussian sigma in pixels for baseline=blur":
    "baseline=blur일 때 가우스 시그마(픽셀 단위)",
  "Area under the curve of the target output as the most relevant input elements are cumulatively restored onto the baseline, in `steps` equal fractions, x in [0, 1] (trapezoid rule). Higher is better; with output=probability it lies in [0, 1].":
    "가장 관련 있는 입력 요소부터 차례로 기준 입력 위에 되살려 가며(`steps`개의 같은 비율로, x는 [0, 1]) 그린 대상 출력 곡선의 아래 넓이(사다리꼴 규칙)입니다. 높을수록 좋습니다. output=probability이면 [0, 1] 안에 있습니다.",
  "Pearson correlation, over `runs` random subsets of `subset` x the input elements (at least 2, at most all but one) set to the baseline, between the attribution summed over the subset and the drop in the target output. Higher is better; null when either side does not vary or the input has fewer than 3 elements.":
    "입력 요소의 `subset` 비율만큼(최소 2개, 최대 전체보다 하나 적게)을 무작위로 골라 기준 입력 값으로 바꾸기를 `runs`번 하고, 고른 부분의 기여도 합과 대상 출력의 감소량 사이의 피어슨 상관을 구합니다. 높을수록 좋습니다. 한쪽이 변하지 않거나 입력 요소가 3개보다 적으면 값이 없습니다.",
  "number of random subsets per sample":
    "표본 하나당 무작위 부분집합 수",
  "subset size as a fraction of the input elements (rounded, then kept within 2 and d - 1: a single element is what occlusion computes)":
    "입력 요소에 대한 비율로 나타낸 부분집합 크기(반올림한 뒤 2와 d - 1 사이로 맞춤. 요소 하나만 지우는 것은 occlusion이 계산하는 것입니다)",
  "model output compared: the explainer's declared output, or logit / probability":
    "비교할 모델 출력: 설명 방법이 선언한 출력, 또는 로짓이나 확률",
  "|sum of attributions - (f(x) - f(reference))| on the explainer's declared output, where the reference is the explainer's reported reference output or f(baseline); relative form (default) divides by max(|f(x) - f(reference)|, eps). Lower is better; `tolerance` sets what the harness counts as complete. Near 0 by construction for KernelSHAP (its fit is constrained to efficiency) and integrated gradients (completeness axiom, up to the quadrature error of its steps), and LRP is built to conserve relevance (exactly only for bias-free nets): for them it checks the implementation, not independent evidence of a better explanation.":
    "설명 방법이 선언한 출력에서 |기여도의 합 - (f(x) - f(reference))|입니다. reference는 설명 방법이 보고한 기준 출력이거나 f(기준 입력)입니다. 상대 형태(기본값)는 max(|f(x) - f(reference)|, eps)로 나눕니다. 낮을수록 좋으며, `tolerance`는 하네스가 완전하다고 볼 기준입니다. KernelSHAP(효율성 제약을 둔 적합)과 integrated gradients(완전성 공리, 구간 나눔에 따른 수치 적분 오차 이내)는 구조상 0에 가깝고, LRP는 관련도를 보존하도록 만들어졌습니다(편향이 없는 신경망에서만 정확히). 이들에게 이 지표는 더 나은 설명의 독립적 근거가 아니라 구현을 확인합니다.",
  "absolute gap, or the gap divided by max(|f(x) - f(reference)|, eps)":
    "절대 차이, 또는 차이를 max(|f(x) - f(reference)|, eps)로 나눈 값",
  "a sample counts as complete when its gap is at most this (reported beside the mean, never exact equality)":
    "차이가 이 값 이하이면 그 표본을 완전하다고 셉니다(평균 옆에 보고하며, 정확히 같은지를 보지는 않습니다)",
  "floor of the denominator of the relative form (float32 outputs resolve about 1e-7)":
    "상대 형태 분모의 하한(float32 출력의 분해능은 약 1e-7)",
  "reference input when the explainer reports no reference: the task baseline or zeros":
    "설명 방법이 기준을 보고하지 않을 때의 기준 입력: 과제의 기준 입력 또는 0",
  "Gini coefficient of the absolute attribution over the input elements of each sample: 0 when uniform, (n-1)/n when all mass is on one element. Higher is sparser; null for an all-zero attribution.":
    "표본마다 입력 요소에 걸친 기여도 절댓값의 지니 계수입니다. 고르게 퍼져 있으면 0, 한 요소에 모두 몰려 있으면 (n-1)/n입니다. 높을수록 희소합니다. 기여도가 모두 0이면 값이 없습니다.",
  "Entropy in nats of the fraction of absolute attribution on each input element: 0 when one element carries all of it, ln(n) when uniform. Lower is simpler; null for an all-zero attribution.":
    "각 입력 요소가 차지하는 기여도 절댓값 비율의 엔트로피(nat 단위)입니다. 한 요소가 모두 가지면 0, 고르게 퍼지면 ln(n)입니다. 낮을수록 단순합니다. 기여도가 모두 0이면 값이 없습니다.",
  "Mean over `samples` copies of |f(x') - f(x)|, where x' adds N(0, std^2) noise to the top-k input elements by |attribution| (k = ceil(0.25 d)) and f is the explained class probability. Higher is better (1 bounds the probability gap). Defined on flat input elements, so it also runs on images, where it is a Gaussian analogue of deletion.":
    "|기여도| 기준 상위 k개 입력 요소(k = ceil(0.25 d))에 N(0, std^2) 잡음을 더한 x'에 대해 |f(x') - f(x)|를 `samples`개 사본에 걸쳐 평균한 값입니다. f는 설명한 클래스의 확률입니다. 높을수록 좋습니다(확률 차이는 1을 넘지 않음). 평평하게 편 입력 요소에서 정의되므로 이미지에서도 돌아가며, 이때는 지우기의 가우스 버전입니다.",
  "top-k by |attribution|, k as a fraction of the input elements rounded up (OpenXAI k=0.25)":
    "|기여도| 기준 상위 k개. k는 입력 요소에 대한 비율이며 올림합니다(OpenXAI k=0.25)",
  "standard deviation of the Gaussian noise, in model-input units (standardised features on tabular tasks; OpenXAI 0.1)":
    "가우스 잡음의 표준편차, 모델 입력 단위(표 형식 과제에서는 표준화한 특성. OpenXAI 0.1)",
  "perturbed copies per sample (OpenXAI n_samples=100)":
    "표본 하나당 섭동한 사본 수(OpenXAI n_samples=100)",
  "model output of the explained class (OpenXAI: predicted probability)":
    "설명한 클래스의 모델 출력(OpenXAI: 예측 확률)",
  "Mean over `samples` copies of |f(x') - f(x)|, where x' adds N(0, std^2) noise to every input element outside the top-k by |attribution| (k = ceil(0.25 d)); f is the explained class probability. Lower is better; null when k covers every element.":
    "|기여도| 기준 상위 k개(k = ceil(0.25 d)) 밖의 모든 입력 요소에 N(0, std^2) 잡음을 더한 x'에 대해 |f(x') - f(x)|를 `samples`개 사본에 걸쳐 평균한 값입니다. f는 설명한 클래스의 확률입니다. 낮을수록 좋습니다. k가 모든 요소를 덮으면 값이 없습니다.",
  "Mean over perturbations I of (sum_j a_j I_j - (f(x) - f(x - I)))^2 on the explained output; I ~ N(0, 0.1^2) per element by default, or I = x - baseline. multiplyByInputs divides I by (x - baseline) first (for attributions that already include the input difference; elements at the baseline contribute 0). By default the attribution is first rescaled by the least-squares beta, so its scale is not judged (normalise=false: the raw error, which favours small attributions). Lower is better.":
    "설명한 출력에서 섭동 I에 대해 (sum_j a_j I_j - (f(x) - f(x - I)))^2를 평균한 값입니다. 기본은 요소마다 I ~ N(0, 0.1^2)이고, I = x - 기준 입력으로 할 수도 있습니다. multiplyByInputs는 먼저 I를 (x - 기준 입력)으로 나눕니다(입력 차이를 이미 포함한 기여도용이며, 기준 입력과 같은 요소는 0을 더합니다). 기본적으로 기여도를 최소제곱 beta로 먼저 다시 맞추므로 크기 자체는 평가하지 않습니다(normalise=false: 원래 오차로, 작은 기여도가 유리합니다). 낮을수록 좋습니다.",
  "I ~ N(0, sigma^2) on every element (Yeh et al.), or the one deterministic I = x - baseline (needs normalise=false)":
    "모든 요소에 I ~ N(0, sigma^2)(Yeh 등), 또는 결정적인 I = x - 기준 입력 하나(normalise=false 필요)",
  "standard deviation of the Gaussian perturbation, in model-input units":
    "가우스 섭동의 표준편차, 모델 입력 단위",
  "perturbations per sample (gaussian; baseline uses one)":
    "표본 하나당 섭동 수(gaussian. baseline은 하나만 씀)",
  "rescale the attribution by the optimal beta first (Yeh et al. normalised infidelity; Captum normalize=True); false: the raw squared error, which rewards small attributions":
    "먼저 최적 beta로 기여도의 크기를 다시 맞춥니다(Yeh 등의 정규화 infidelity, Captum normalize=True). false: 원래의 제곱 오차로, 작은 기여도가 유리합니다",
  "attributions already include (x - baseline), as IG or Shapley: dot with I / (x - baseline) (Captum multiply_by_inputs)":
    "IG나 섀플리 값처럼 기여도가 이미 (x - 기준 입력)을 포함함: I / (x - 기준 입력)과 내적합니다(Captum multiply_by_inputs)",
  "model output: the explainer's declared output, or logit / probability":
    "모델 출력: 설명 방법이 선언한 출력, 또는 로짓이나 확률",
  "Mean over removal percentages (default 10..90 by 10) of the target probability after the most relevant pixels (or features) are imputed by noisy linear imputation: the 8-neighbour linear system of Rong et al. on images, the Gaussian conditional mean given the kept features (fitted to background data) on tabular tasks; noise 0.01. order=morf (default): lower is better, ideal 0; order=lerf: higher is better (the declared direction is the default order's).":
    "가장 관련 있는 픽셀(또는 특성)을 잡음 섞인 선형 대치로 채운 뒤의 대상 확률을, 지우는 비율(기본 10..90, 10씩)에 걸쳐 평균한 값입니다. 대치는 이미지에서는 Rong 등의 8-이웃 선형 방정식, 표 형식 과제에서는 남긴 특성이 주어졌을 때의 가우스 조건부 평균(배경 데이터로 적합)이며, 잡음은 0.01입니다. order=morf(기본): 낮을수록 좋고 이상값은 0. order=lerf: 높을수록 좋습니다(선언된 방향은 기본 순서의 방향).",
  "percentages of elements removed (Quantus range(1, 100, 2) = 50 points; 9 by default for cost)":
    "지울 요소의 비율들(Quantus range(1, 100, 2) = 50개 지점. 비용 때문에 기본은 9개)",
  "morf: most relevant removed first (lower is better); lerf: least relevant first (higher is better)":
    "morf: 가장 관련 있는 것부터 지움(낮을수록 좋음). lerf: 가장 덜 관련 있는 것부터(높을수록 좋음)",
  "ranking key: the attribution, or |attribution| (image pixels: summed over channels)":
    "순위 기준: 기여도, 또는 |기여도|(이미지 픽셀은 채널에 걸쳐 합함)",
  "per point: target probability, or 1 when the prediction is still the target (Rong et al.)":
    "지점마다: 대상 확률, 또는 예측이 여전히 대상이면 1(Rong 등)",
  "standard deviation of the noise added to imputed values (Rong et al. 0.01)":
    "대치한 값에 더하는 잡음의 표준편차(Rong 등 0.01)",
  "Mean over k = 0..L of f(x) - f(x_k), where x_k has the k regions with the largest summed attribution (4x4 px on images, single features on tabular tasks) replaced cumulatively by seeded noise; f is the target probability. Higher is better (at most 1 with probabilities).":
    "기여도 합이 가장 큰 k개 영역(이미지는 4x4 픽셀, 표 형식 과제는 특성 하나)을 시드를 정한 잡음으로 차례로 바꾼 x_k에 대해, k = 0..L에 걸쳐 f(x) - f(x_k)를 평균한 값입니다. f는 대상 확률입니다. 높을수록 좋습니다(확률이면 최대 1).",
  "side in pixels of the square regions on images (Samek et al. 9, Quantus 8, on 224-px images; 4 suits 28-px ones)":
    "이미지에서 정사각형 영역의 한 변(픽셀). Samek 등 9, Quantus 8(224픽셀 이미지). 28픽셀 이미지에는 4가 알맞습니다",
  "L, regions removed (capped at the number of regions; Samek et al. 100 of ~620)":
    "L, 지우는 영역 수(영역 수를 넘지 않음. Samek 등은 약 620개 중 100개)",
  "value of a removed element: noise = U(0, 1) on images (Samek et al.; U(low, high) on an image task declaring another value range), N(0, 1) on standardised tabular features, drawn once per sample; task = task baseline; zero":
    "지운 요소의 값: noise = 이미지에서는 U(0, 1)(Samek 등. 다른 값 범위를 선언한 이미지 과제에서는 U(low, high)), 표준화한 표 형식 특성에서는 N(0, 1)이며 표본마다 한 번 뽑음. task = 과제의 기준 입력. zero",
  "The protected attribute's share of the total absolute attribution (a categorical feature's columns summed). Read against the model's measured dependence on it; the detection score compares biased and fair models.":
    "전체 절대 기여도 가운데 보호 속성이 차지하는 비중입니다(범주형 특성은 그 열들을 합산). 모델이 그 속성에 실제로 얼마나 의존하는지와 함께 읽어야 하며, 탐지 점수는 편향된 모델과 공정한 모델을 비교합니다.",
  "The protected attribute's rank among the task's features by absolute attribution (1 = the largest; ties share the better rank).":
    "절대 기여도로 매긴 과제 특성들 가운데 보호 속성의 순위입니다(1 = 가장 큼, 동률이면 더 높은 순위를 함께 받음).",
  "Whether a found counterfactual changes the protected attribute (1) or not (0); null when none was found.":
    "찾은 반사실 예시가 보호 속성을 바꾸면 1, 바꾸지 않으면 0입니다. 반사실 예시를 찾지 못하면 null입니다.",
  "Whether any extracted rule has a condition on the protected attribute (1) or none does (0); details count the rules that do.":
    "추출한 규칙 가운데 하나라도 보호 속성에 조건을 두면 1, 하나도 없으면 0입니다. 세부 정보에는 그런 규칙의 수가 담깁니다.",
  "features the counterfactual may not change: 'task' = the task's list (its protected attribute), 'none', or names joined by '+'":
    "반사실 예시가 바꿀 수 없는 특성: 'task' = 과제의 목록(그 과제의 보호 속성), 'none', 또는 '+'로 이은 이름들",
  "model output of the target class":
    "대상 클래스의 모델 출력",
  "1 when the element with the largest attribution lies in the ground-truth mask, 0 when not; ties at the maximum score the fraction of tied elements inside the mask. Chance = |mask| / elements, per sample in details.chance. Null for an empty or full mask.":
    "기여도가 가장 큰 요소가 정답 마스크 안에 있으면 1, 아니면 0입니다. 최댓값이 여럿이면 그중 마스크 안에 있는 비율을 점수로 줍니다. 우연 수준 = |마스크| / 요소 수이며 표본별 값은 details.chance에 있습니다. 마스크가 비었거나 가득 차면 값이 없습니다.",
  "the maximum of the signed attribution (as Quantus, abs=False) or of |attribution|":
    "부호 있는 기여도의 최댓값(Quantus처럼 abs=False) 또는 |기여도|의 최댓값",
  "Relevance inside the ground-truth mask divided by the total relevance (positive part of the attribution by default). In [0, 1] for positive/absolute; chance = |mask| / elements for an exchangeable random attribution (per sample in details.chance; none for signed). Null when the total is 0 or the mask is empty or full.":
    "정답 마스크 안의 관련도를 전체 관련도로 나눈 값입니다(기본은 기여도의 양수 부분). positive/absolute에서는 [0, 1] 안에 있고, 교환 가능한 무작위 기여도의 우연 수준은 |마스크| / 요소 수입니다(표본별 값은 details.chance, signed에는 없음). 전체가 0이거나 마스크가 비었거나 가득 차면 값이 없습니다.",
  "mass counted: max(a, 0) (Arras et al.), |a|, or a itself (Quantus default; the ratio is unbounded when sum(a) is near 0)":
    "세는 질량: max(a, 0)(Arras 등), |a|, 또는 a 자체(Quantus 기본값. sum(a)가 0에 가까우면 비율에 한계가 없음)",
  "With K the number of ground-truth elements, the fraction of the K highest-attributed elements that lie in the mask (ties broken by element index). Chance = K / elements (per sample in details.chance). Null for an empty or full mask.":
    "정답 요소의 수를 K라 할 때, 기여도가 가장 높은 K개 요소 가운데 마스크 안에 있는 비율입니다(동률은 요소 번호로 정함). 우연 수준 = K / 요소 수(표본별 값은 details.chance). 마스크가 비었거나 가득 차면 값이 없습니다.",
  "ranking: highest attribution first (Arras et al.), or largest |attribution| first":
    "순위: 기여도가 가장 높은 것부터(Arras 등), 또는 |기여도|가 가장 큰 것부터",
  "|top-k elements ∩ ground-truth mask| / min(k, |mask|), k a fraction of the elements (ties by element index). Chance = k |mask| / (elements min(k, |mask|)), per sample in details.chance. Null for an empty or full mask.":
    "|상위 k개 요소 ∩ 정답 마스크| / min(k, |마스크|)이며, k는 요소에 대한 비율입니다(동률은 요소 번호로 정함). 우연 수준 = k |마스크| / (요소 수 min(k, |마스크|)), 표본별 값은 details.chance에 있습니다. 마스크가 비었거나 가득 차면 값이 없습니다.",
  "k as a fraction of the input elements (rounded, at least 1); Quantus 1000 of 224x224 is about 0.02":
    "입력 요소에 대한 비율로 나타낸 k(반올림, 최소 1). Quantus의 224x224 중 1000은 약 0.02",
  "ranking: highest attribution first, or largest |attribution| first":
    "순위: 기여도가 가장 높은 것부터, 또는 |기여도|가 가장 큰 것부터",
  "ROC-AUC of the attribution against the ground-truth mask: the probability that a relevant element is attributed more than an irrelevant one (ties one half). 1 perfect, 0.5 chance, 0 inverted. Null for an empty or full mask.":
    "정답 마스크에 대한 기여도의 ROC-AUC입니다. 관련 있는 요소가 관련 없는 요소보다 기여도를 더 받을 확률(동률은 절반)로, 1은 완벽, 0.5는 우연 수준, 0은 뒤집힘입니다. 마스크가 비었거나 가득 차면 값이 없습니다.",
  "score: the attribution (Quantus AUC), or |attribution|":
    "점수: 기여도(Quantus AUC), 또는 |기여도|",
  "|top-k features of |a| ∩ top-k features of |true weight||/k (k = ceil(0.25 d)); with a 0/1 mask, |top-k ∩ relevant| / min(k, |relevant|). Chance k/d with weights, k |relevant| / (d min(k, |relevant|)) with a mask (details.chance).":
    "|a| 기준 상위 k개 특성과 |참 가중치| 기준 상위 k개 특성의 교집합 크기 / k입니다(k = ceil(0.25 d)). 0/1 마스크에서는 |상위 k ∩ 관련 특성| / min(k, |관련 특성|)입니다. 우연 수준은 가중치일 때 k/d, 마스크일 때 k |관련 특성| / (d min(k, |관련 특성|))입니다(details.chance).",
  "k, the number of top features compared, as a fraction of the features rounded up (OpenXAI k=0.25)":
    "비교할 상위 특성의 수 k. 특성 수에 대한 비율이며 올림합니다(OpenXAI k=0.25)",
  "Fraction of the top-k rank positions (by magnitude, ties by index) at which the explanation and the true weights hold the same feature; k = ceil(0.25 d). Chance 1/d (details.chance). Needs the true weights.":
    "상위 k개 순위 자리(크기 기준, 동률은 번호로 정함) 가운데 설명과 참 가중치가 같은 특성을 둔 자리의 비율입니다. k = ceil(0.25 d). 우연 수준 1/d(details.chance). 참 가중치가 필요합니다.",
  "Fraction of the k features in both top-k sets (by magnitude) that also have the same sign in the explanation and the true weights; k = ceil(0.25 d). Chance k/(2d) for a sign-symmetric random attribution (details.chance). Needs the true weights.":
    "두 상위 k개 집합(크기 기준)에 모두 든 특성 가운데 설명과 참 가중치에서 부호도 같은 특성의 비율입니다. k = ceil(0.25 d). 부호가 대칭인 무작위 기여도의 우연 수준은 k/(2d)입니다(details.chance). 참 가중치가 필요합니다.",
  "Fraction of the top-k rank positions (by magnitude) at which the explanation and the true weights hold the same feature with the same sign; k = ceil(0.25 d). Chance 1/(2d) (details.chance). Needs the true weights.":
    "상위 k개 순위 자리(크기 기준) 가운데 설명과 참 가중치가 같은 특성을 같은 부호로 둔 자리의 비율입니다. k = ceil(0.25 d). 우연 수준 1/(2d)(details.chance). 참 가중치가 필요합니다.",
  "Spearman correlation of the magnitude ranks of the explanation and the true weights over the top-k features of the true weights, k = ceil(0.25 d). 1 same order, 0 chance. Null when k < 2 or either side is tied on F. OpenXAI compares all features (k=1 here); see differences.":
    "참 가중치의 상위 k개 특성(k = ceil(0.25 d))에서 설명과 참 가중치의 크기 순위 사이의 스피어먼 상관입니다. 1은 같은 순서, 0은 우연 수준입니다. k < 2이거나 F에서 한쪽이 동률이면 값이 없습니다. OpenXAI는 모든 특성을 비교합니다(여기서는 k=1). 차이 항목을 보세요.",
  "size of F, the true weights' top features compared, as a fraction of the features rounded up":
    "F의 크기: 비교할 참 가중치의 상위 특성. 특성 수에 대한 비율이며 올림합니다",
  "Fraction of pairs among the top-k features of the true weights (k = ceil(0.25 d)) that the explanation orders the same way by magnitude; pairs tied in the truth are skipped. 1 same order, 0.5 chance. Null when no untied pair exists. OpenXAI compares all pairs of features (k=1 here); see differences.":
    "참 가중치의 상위 k개 특성(k = ceil(0.25 d))으로 만든 쌍 가운데 설명이 크기 기준으로 같은 순서로 놓은 쌍의 비율입니다. 참 가중치에서 동률인 쌍은 건너뜁니다. 1은 같은 순서, 0.5는 우연 수준입니다. 동률이 아닌 쌍이 없으면 값이 없습니다. OpenXAI는 모든 특성 쌍을 비교합니다(여기서는 k=1). 차이 항목을 보세요.",
  "size of F, the true weights' top features whose pairs are compared, as a fraction of the features rounded up":
    "F의 크기: 쌍을 비교할 참 가중치의 상위 특성. 특성 수에 대한 비율이며 올림합니다",
  "Max over `samples` noisy copies x' = x + noise of ||a(x) - a(x')||_2 / ||x - x'||_2, each copy re-explained by the explainer under test (its own seeded stream). Lower is more stable; 0 when the explanation does not move (e.g. the gradient of a linear model).":
    "잡음을 더한 사본 x' = x + 잡음 `samples`개에 대해 ||a(x) - a(x')||_2 / ||x - x'||_2의 최댓값입니다. 사본마다 평가하는 설명 방법이 자기 시드 스트림으로 다시 설명합니다. 낮을수록 안정적이며, 설명이 움직이지 않으면 0입니다(예: 선형 모델의 기울기).",
  "noisy copies of each input that are re-explained. Quantus nr_samples = 200.":
    "다시 설명할, 입력마다 잡음을 더한 사본 수. Quantus nr_samples = 200.",
  "additive noise on every input element: gaussian = N(0, scale^2), uniform = U(-scale, scale)":
    "모든 입력 요소에 더하는 잡음: gaussian = N(0, scale^2), uniform = U(-scale, scale)",
  "noise standard deviation (gaussian) or half-width (uniform), in input units. Quantus perturb_std = 0.1.":
    "잡음의 표준편차(gaussian) 또는 반폭(uniform), 입력 단위. Quantus perturb_std = 0.1.",
  "only copies whose predicted class (argmax) equals the input's count; the others are not re-explained. Quantus keeps them (return_nan_when_prediction_changes = False).":
    "예측 클래스(argmax)가 원래 입력과 같은 사본만 셉니다. 나머지는 다시 설명하지 않습니다. Quantus는 이들도 남깁니다(return_nan_when_prediction_changes = False).",
  "max = each explanation (original and re-explained) divided by its own max |a| first, as Quantus normalise=True; none = raw":
    "max = 각 설명(원래 설명과 다시 한 설명)을 먼저 자신의 최대 |a|로 나눔(Quantus normalise=True). none = 그대로",
  "Max over `samples` noisy copies x' = x + U(-scale, scale) of ||a(x) - a(x')||_2 / ||a(x)||_2, each copy re-explained by the explainer under test (its own seeded stream). Lower is more stable; 0 when the explanation does not move; null for an all-zero attribution.":
    "잡음을 더한 사본 x' = x + U(-scale, scale) `samples`개에 대해 ||a(x) - a(x')||_2 / ||a(x)||_2의 최댓값입니다. 사본마다 평가하는 설명 방법이 자기 시드 스트림으로 다시 설명합니다. 낮을수록 안정적이며, 설명이 움직이지 않으면 0입니다. 기여도가 모두 0이면 값이 없습니다.",
  "noisy copies of each input that are re-explained. Quantus nr_samples = 200 (Captum sensitivity_max: 10).":
    "다시 설명할, 입력마다 잡음을 더한 사본 수. Quantus nr_samples = 200(Captum sensitivity_max: 10).",
  "noise standard deviation (gaussian) or half-width (uniform), in input units. Quantus lower_bound = 0.2, i.e. U(-0.2, 0.2) (Captum: 0.02).":
    "잡음의 표준편차(gaussian) 또는 반폭(uniform), 입력 단위. Quantus lower_bound = 0.2, 즉 U(-0.2, 0.2)(Captum: 0.02).",
  "Mean over `samples` noisy copies x' = x + U(-scale, scale) of ||a(x) - a(x')||_2 / ||a(x)||_2, each copy re-explained by the explainer under test (its own seeded stream). Lower is more stable; 0 when the explanation does not move; about sqrt(2) for the random control (independent draws, many elements); null for an all-zero attribution.":
    "잡음을 더한 사본 x' = x + U(-scale, scale) `samples`개에 대해 ||a(x) - a(x')||_2 / ||a(x)||_2를 평균한 값입니다. 사본마다 평가하는 설명 방법이 자기 시드 스트림으로 다시 설명합니다. 낮을수록 안정적이며, 설명이 움직이지 않으면 0, 무작위 대조군은 약 sqrt(2)입니다(독립적으로 뽑고 요소가 많을 때). 기여도가 모두 0이면 값이 없습니다.",
  "Relative input stability: max over same-class noisy copies x' of [||a(x) - a(x')|| / ||a(x)||] / max(||x - x'|| / ||x||, epsMin) (relative=element: element-wise relative changes), each copy re-explained. Lower is more stable; 0 when the explanation does not move.":
    "상대 입력 안정성: 같은 클래스로 예측되는 잡음 사본 x'에 대해 [||a(x) - a(x')|| / ||a(x)||] / max(||x - x'|| / ||x||, epsMin)의 최댓값입니다(relative=element: 요소별 상대 변화). 사본마다 다시 설명합니다. 낮을수록 안정적이며, 설명이 움직이지 않으면 0입니다.",
  "noisy copies of each input that are re-explained. OpenXAI explanationChangeperturbations = 100.":
    "다시 설명할, 입력마다 잡음을 더한 사본 수. OpenXAI explanationChangeperturbations = 100.",
  "noise standard deviation (gaussian) or half-width (uniform), in input units. OpenXAI's leaderboard draws at std 1e-5 in float64; in float32 the logit changes at that scale are rounding noise, so we perturb at 0.01.":
    "잡음의 표준편차(gaussian) 또는 반폭(uniform), 입력 단위. OpenXAI 리더보드는 float64에서 std 1e-5로 뽑지만, float32에서는 그 크기의 로짓 변화가 반올림 잡음이므로 0.01로 섭동합니다.",
  "only copies whose predicted class (argmax) equals the input's count; the others are not re-explained. OpenXAI keeps only same-class perturbations; Quantus NaNs the others.":
    "예측 클래스(argmax)가 원래 입력과 같은 사본만 셉니다. 나머지는 다시 설명하지 않습니다. OpenXAI는 같은 클래스인 섭동만 남기고, Quantus는 나머지를 NaN으로 둡니다.",
  "norm = OpenXAI's norm-relative change ||v - v'|| / ||v||; element = element-wise ||(v - v') / v|| as the paper and Quantus":
    "norm = OpenXAI의 노름 기준 상대 변화 ||v - v'|| / ||v||. element = 논문과 Quantus처럼 요소별 ||(v - v') / v||",
  "floor of the denominator, and the divisor of zero elements for relative=element (Quantus eps_min = 1e-6)":
    "분모의 하한이자, relative=element일 때 0인 요소를 나누는 값(Quantus eps_min = 1e-6)",
  "Relative output stability: max over same-class noisy copies x' of [||a(x) - a(x')|| / ||a(x)||] / max(||h(x) - h(x')|| / ||h(x)||, epsMin) with h the logits (relative=element: element-wise relative changes), each copy re-explained. Lower is more stable.":
    "상대 출력 안정성: 같은 클래스로 예측되는 잡음 사본 x'에 대해 [||a(x) - a(x')|| / ||a(x)||] / max(||h(x) - h(x')|| / ||h(x)||, epsMin)의 최댓값이며, h는 로짓입니다(relative=element: 요소별 상대 변화). 사본마다 다시 설명합니다. 낮을수록 안정적입니다.",
  "Mean, over all pairs of `runs` re-explanations of the same input under different seeds, of their similarity (Spearman by default). 1 for deterministic explainers; lower values expose seed-dependence (LIME, KernelSHAP). Bit-identical runs count as 1 even when constant (where a correlation is undefined); otherwise null when a run is constant.":
    "같은 입력을 서로 다른 시드로 `runs`번 다시 설명한 결과의 모든 쌍에 대해 유사도(기본은 스피어먼)를 평균한 값입니다. 결정적인 설명 방법은 1이며, 값이 낮을수록 시드에 따라 달라짐을 드러냅니다(LIME, KernelSHAP). 비트 단위로 같은 실행은 상수이더라도(상관이 정의되지 않는 경우) 1로 셉니다. 그 밖에 실행 하나가 상수이면 값이 없습니다.",
  "re-explanations of each input, each with its own seed (salts seed-1..seed-runs)":
    "입력마다 다시 설명하는 횟수이며, 각각 자기 시드를 씁니다(솔트 seed-1..seed-runs)",
  "how two explanations are compared: spearman-abs = rank correlation of |a|, spearman / pearson = signed, ssim = structural similarity of max-normalised maps (images of at least 7x7). Default: signed Spearman, as a rank agreement that ignores scale.":
    "두 설명을 비교하는 방법: spearman-abs = |a|의 순위 상관, spearman / pearson = 부호 있는 상관, ssim = 최댓값으로 정규화한 지도의 구조적 유사도(최소 7x7 이미지). 기본값: 크기와 무관한 순위 일치로서 부호 있는 스피어먼.",
  "Similarity between the explanation and the re-explanation on the fully randomised model, after cascading randomisation of every layer with weights from the output layer down (details: the mean similarity after each stage, the layers in order, and per sample whether it passes, i.e. similarity < threshold). The similarity is in [0, 1] (default max(0, Spearman(|a|, |b|)); a sign flip counts as the same explanation). Lower is better: 0 means unrelated to the original, 1 means the explanation ignores the weights.":
    "출력층부터 아래로 가중치가 있는 모든 층을 차례로 무작위화한(연쇄 무작위화) 완전 무작위 모델에서 다시 한 설명과 원래 설명 사이의 유사도입니다(details: 단계마다의 평균 유사도, 층 순서, 표본마다 통과 여부, 즉 유사도 < threshold). 유사도는 [0, 1] 안에 있습니다(기본 max(0, Spearman(|a|, |b|)). 부호가 뒤집힌 설명도 같은 설명으로 셉니다). 낮을수록 좋습니다. 0은 원래 설명과 무관함, 1은 설명이 가중치를 무시함을 뜻합니다.",
  "how the two explanations are compared, always in [0, 1] (1 = same, 0 = unrelated; a negated map counts as the same, magnitudes in reversed order as unrelated): spearman-abs = max(0, Spearman(|a|, |b|)); ssim = max(0, SSIM) of |a| and |b| each min-max scaled to [0, 1] (images of at least 7x7). Default: Spearman of the magnitudes, floored at 0 (Adebayo et al.'s rank correlation of absolute maps; valid on every task); ssim for images. Measured with the gradient on the MNIST CNN (40 test digits): the magnitudes keep about half their rank order after full randomisation (0.36 to 0.57, mean 0.50, at the threshold; the floor changed none of them), ssim 0.15, signed Spearman about 0.":
    "두 설명을 비교하는 방법이며 항상 [0, 1] 안에 있습니다(1 = 같음, 0 = 무관. 부호를 뒤집은 지도는 같은 것으로, 크기 순서가 거꾸로인 것은 무관한 것으로 셉니다). spearman-abs = max(0, Spearman(|a|, |b|)). ssim = 각각 [0, 1]로 최소-최대 척도화한 |a|와 |b|의 max(0, SSIM)(최소 7x7 이미지). 기본값: 0에서 자른 크기의 스피어먼 상관(Adebayo 등의 절댓값 지도 순위 상관. 모든 과제에서 유효), 이미지에는 ssim. MNIST CNN에서 기울기로 잰 결과(테스트 숫자 40개): 완전 무작위화 뒤에도 크기는 순위 순서의 약 절반을 유지합니다(0.36~0.57, 평균 0.50으로 기준값 수준. 0에서 자르기로 바뀐 값은 없음). ssim은 0.15, 부호 있는 스피어먼은 약 0입니다.",
  "a sample passes when its similarity is below this; the sanity similarities lie in [0, 1] and 0.5 sits halfway between unrelated (0) and identical (1) explanations":
    "유사도가 이 값보다 낮으면 그 표본은 통과합니다. 건전성 유사도는 [0, 1] 안에 있고, 0.5는 무관한 설명(0)과 같은 설명(1)의 한가운데입니다",
  "random streams of the re-explanations: shared = the explanation under test's own (only the model or class differs), fresh = new ones":
    "다시 설명할 때의 난수 스트림: shared = 평가하는 설명의 스트림을 그대로(모델이나 클래스만 다름), fresh = 새 스트림",
  "full: re-explain after each cascade stage (the similarity curve per layer, Adebayo et al.); final-only: only the fully randomised model (one re-explanation instead of one per layer, for budgets; the verdict is the same)":
    "full: 연쇄의 단계마다 다시 설명합니다(층별 유사도 곡선, Adebayo 등). final-only: 완전 무작위 모델에서만 다시 설명합니다(예산을 위해 층마다가 아니라 한 번만. 판정은 같음)",
  "Similarity between the explanation of the target class and a re-explanation of the same input for a random other class (seeded per sample). The similarity is in [0, 1] (default max(0, Spearman(|a|, |b|)); a sign flip counts as the same explanation). Lower is better: 1 means the explanation ignores which class it explains. Null on two-class models where the other output is a function of the target's (explained probabilities: 1 - p; a one-unit sigmoid model: the negated logit), where the check cannot tell anything. Details: the other class per sample and whether each sample passes (similarity < threshold).":
    "대상 클래스의 설명과, 같은 입력을 무작위로 고른 다른 클래스(표본마다 시드 고정)에 대해 다시 한 설명 사이의 유사도입니다. 유사도는 [0, 1] 안에 있습니다(기본 max(0, Spearman(|a|, |b|)). 부호가 뒤집힌 설명도 같은 설명으로 셉니다). 낮을수록 좋습니다. 1은 설명이 어떤 클래스를 설명하는지 무시함을 뜻합니다. 다른 출력이 대상 출력의 함수인 두 클래스 모델(확률을 설명하면 1 - p, 출력 하나인 시그모이드 모델은 부호만 바꾼 로짓)에서는 이 검사로 알 수 있는 것이 없으므로 값이 없습니다. details: 표본마다 고른 다른 클래스와 통과 여부(유사도 < threshold).",
  "how the two explanations are compared, always in [0, 1] (1 = same, 0 = unrelated; a negated map counts as the same, magnitudes in reversed order as unrelated): spearman-abs = max(0, Spearman(|a|, |b|)); ssim = max(0, SSIM) of |a| and |b| each min-max scaled to [0, 1] (images of at least 7x7). Default: Spearman of the magnitudes floored at 0, valid on every task (Adebayo et al. 2018); ssim (the measure of Quantus RandomLogit) for images.":
    "두 설명을 비교하는 방법이며 항상 [0, 1] 안에 있습니다(1 = 같음, 0 = 무관. 부호를 뒤집은 지도는 같은 것으로, 크기 순서가 거꾸로인 것은 무관한 것으로 셉니다). spearman-abs = max(0, Spearman(|a|, |b|)). ssim = 각각 [0, 1]로 최소-최대 척도화한 |a|와 |b|의 max(0, SSIM)(최소 7x7 이미지). 기본값: 0에서 자른 크기의 스피어먼 상관으로 모든 과제에서 유효합니다(Adebayo 등 2018). 이미지에는 ssim(Quantus RandomLogit의 측도).",
  "Share of inputs whose reported counterfactual, re-run through the model, is classified other than the explained class (0 when none was found).":
    "보고한 반사실 예시를 모델에 다시 넣었을 때 설명한 클래스와 다른 클래스로 분류되는 입력의 비율입니다(찾지 못했으면 0).",
  "Share of input elements a found counterfactual changes (sparsity of the change); mean L2 distance in details.":
    "찾은 반사실 예시가 바꾸는 입력 요소의 비율(변화의 희소성)입니다. 평균 L2 거리는 details에 있습니다.",
  "Share of the nearest training examples shown whose true label equals the predicted class of the input.":
    "보여 준 가장 가까운 학습 예시 가운데 실제 레이블이 입력의 예측 클래스와 같은 예시의 비율입니다.",
  "Share of the returned samples inside the query's generative region (same on/off pattern on the boundary set), recomputed by a forward pass.":
    "돌려준 표본 가운데 질의의 생성 영역 안에 있는(경계 집합에서 켜짐/꺼짐 패턴이 같은) 표본의 비율이며, 순전파로 다시 계산합니다.",
  "In-region samples obtained per candidate latent tested (RRT with bisection vs epsilon-ball rejection sampling at matched distance).":
    "시험한 후보 잠재 벡터 하나당 얻은 영역 내 표본 수입니다(이분법을 쓰는 RRT 대 같은 거리의 epsilon-ball 기각 표집).",
  "Share of generated samples the task's classifier labels like the query's generated image.":
    "과제의 분류기가 질의의 생성 이미지와 같은 레이블을 붙이는 생성 표본의 비율입니다.",
  "Mean cosine similarity of the samples' classifier logit vectors to the query's generated image's.":
    "표본들의 분류기 로짓 벡터와 질의 생성 이미지의 로짓 벡터 사이의 평균 코사인 유사도입니다.",
  "Mean pairwise L2 distance between the generated samples in image space (read next to homogeneity).":
    "이미지 공간에서 생성 표본들 사이의 평균 쌍별 L2 거리입니다(동질성과 함께 읽습니다).",
  "The samples' mean L2 distance from the query in latent space (matched between generative-boundaries and epsilon-ball).":
    "잠재 공간에서 표본들이 질의로부터 떨어진 평균 L2 거리입니다(generative-boundaries와 epsilon-ball이 같게 맞춤).",
  "Conventional zero-shot accuracy: per-class top-1 on the unseen digits of the whole test split, choosing among unseen digits only (chance 1/2 with two unseen digits).":
    "전통적인 제로샷 정확도: 테스트 분할 전체의 보지 못한 숫자에 대한 클래스별 top-1이며, 보지 못한 숫자들 가운데서만 고릅니다(보지 못한 숫자가 둘이면 우연 수준 1/2).",
  "Generalised zero-shot accuracy on seen digits: per-class top-1 on the seen test images, choosing among all ten digits.":
    "본 숫자에 대한 일반화 제로샷 정확도: 본 숫자의 테스트 이미지에 대한 클래스별 top-1이며, 숫자 10개 모두 가운데서 고릅니다.",
  "Generalised zero-shot accuracy on unseen digits: per-class top-1 on the unseen test images, choosing among all ten digits.":
    "보지 못한 숫자에 대한 일반화 제로샷 정확도: 보지 못한 숫자의 테스트 이미지에 대한 클래스별 top-1이며, 숫자 10개 모두 가운데서 고릅니다.",
  "Harmonic mean H = 2 s u / (s + u) of the generalised seen and unseen per-class accuracies.":
    "일반화 설정의 본 클래스 정확도와 보지 못한 클래스 정확도(클래스별)의 조화 평균 H = 2 s u / (s + u)입니다.",
  "AUROC of the Gaussian novelty score for telling unseen from seen test images (whole test split).":
    "보지 못한 테스트 이미지와 본 테스트 이미지를 가려내는 가우스 새로움 점수의 AUROC입니다(테스트 분할 전체).",
  "Share of explanation paths that exist edge by edge in the knowledge graph and start at the predicted class.":
    "설명 경로 가운데 지식 그래프에 간선 하나하나까지 실제로 있고 예측한 클래스에서 시작하는 경로의 비율입니다.",
  "F1 of the explanation's attributes against the hand-authored has_part attributes of the sample's true class.":
    "설명의 속성과, 표본의 실제 클래스에 손으로 적어 둔 has_part 속성을 비교한 F1입니다.",
  "Drop in the predicted class's probability when the explanation's top attribute is removed from its signature.":
    "설명의 가장 중요한 속성을 시그니처에서 뺐을 때 예측한 클래스의 확률이 줄어드는 정도입니다.",
  "NDCG of the ranked similar seen classes against the Jaccard similarity of their hand-authored parts with the predicted class.":
    "순위를 매긴 비슷한 본 클래스들을, 예측한 클래스와 손으로 적은 부분이 겹치는 정도(자카드 유사도)에 비추어 잰 NDCG입니다.",
  "Wall-clock seconds per explanation, as measured by the harness (fit time excluded). Lower is better; depends on the machine and backend.":
    "하네스가 잰 설명 하나당 실제 경과 시간(초)입니다(적합 시간 제외). 낮을수록 좋습니다. 기계와 백엔드에 따라 다릅니다.",
  "Forward passes (one per input row the engine evaluated) per explanation. Lower is better; independent of the machine.":
    "설명 하나당 순전파 횟수(엔진이 계산한 입력 행마다 하나)입니다. 낮을수록 좋습니다. 기계와 무관합니다.",
  "Gradient passes (one per input row the engine differentiated) per explanation. Lower is better; independent of the machine.":
    "설명 하나당 기울기 계산 횟수(엔진이 미분한 입력 행마다 하나)입니다. 낮을수록 좋습니다. 기계와 무관합니다.",
  "Share of the task's test inputs on which the rule set's prediction equals the network's (the explained samples when no test split is available).":
    "과제의 테스트 입력 가운데 규칙 집합의 예측이 신경망의 예측과 같은 비율입니다(테스트 분할이 없으면 설명한 표본).",
  "Share of the task's test inputs the rule set classifies correctly; the network's accuracy on the same inputs is in the details (rules cannot be expected to beat it).":
    "과제의 테스트 입력 가운데 규칙 집합이 올바르게 분류하는 비율입니다. 같은 입력에서 신경망의 정확도는 details에 있습니다(규칙이 신경망보다 나으리라 기대할 수는 없습니다).",
  "Share of the test inputs on which at least one rule fires (the default class decides the rest); details give the default-rule share and its agreement with the network.":
    "테스트 입력 가운데 규칙이 하나 이상 적용되는 비율입니다(나머지는 기본 클래스가 정함). details에는 기본 규칙의 몫과 그 몫에서 신경망과 일치하는 정도가 있습니다.",
  "Number of rules (conjunctive clauses over all classes; the default rule not counted).":
    "규칙의 수(모든 클래스에 걸친 논리곱 절의 수. 기본 규칙은 세지 않음)입니다.",
  "Terms (conditions) per rule: the mean, or the max with stat=max; 0 for a rule set that is only its default.":
    "규칙 하나당 항(조건) 수: 평균, 또는 stat=max이면 최댓값입니다. 기본 규칙만 있는 규칙 집합은 0입니다.",
  "which statistic of the terms per rule is the value":
    "규칙당 항 수의 어떤 통계량을 값으로 삼을지",
  "Number of distinct conditions (feature, comparison, threshold) over all rules; details list the features used.":
    "모든 규칙에 걸친 서로 다른 조건(특성, 비교, 임계값)의 수입니다. details에 쓰인 특성 목록이 있습니다.",
  "Mean Jaccard similarity between the terms of the extracted rule set and those extracted from bootstrap resamples of the training data (same explainer and parameters).":
    "추출한 규칙 집합의 항과, 학습 데이터를 부트스트랩으로 다시 뽑아 추출한 규칙 집합의 항 사이의 평균 자카드 유사도입니다(같은 설명 방법과 매개변수).",
  "bootstrap resamples (one re-extraction each)":
    "부트스트랩 재표집 횟수(각각 한 번씩 다시 추출)",
  "what is compared: conditions with thresholds ('term') or the features used ('feature')":
    "비교 대상: 임계값까지 포함한 조건('term') 또는 쓰인 특성('feature')",
  "Wall-clock seconds the rule extraction took (fit once per task; excluded from the per-explanation seconds); machine- and backend-dependent.":
    "규칙 추출에 걸린 실제 경과 시간(초)입니다(과제마다 한 번 적합하며, 설명 하나당 시간에서는 뺌). 기계와 백엔드에 따라 다릅니다.",
  "Control: i.i.d. standard normal attributions, seeded per sample; ignores the model.":
    "대조군: 표본마다 시드를 정한 독립 표준정규 기여도로, 모델을 무시합니다.",
  "Gradient of the target logit with respect to the input.":
    "입력에 대한 대상 로짓의 기울기입니다.",
  "return |gradient| (the saliency map of Simonyan et al.)":
    "|기울기|를 돌려줌(Simonyan 등의 돌출 지도)",
  "Input times the gradient of the target logit.":
    "입력에 대상 로짓의 기울기를 곱한 값입니다.",
  "Integrated gradients of the target logit along the straight path from a baseline.":
    "기준 입력에서 시작하는 직선 경로를 따라 적분한 대상 로짓의 기울기(integrated gradients)입니다.",
  "quadrature nodes on the path (gradient passes per sample)":
    "경로 위 수치 적분 노드 수(표본 하나당 기울기 계산 횟수)",
  "the path start x': 'task' = the task's removed-feature baseline, 'zero' = all zeros":
    "경로의 시작점 x': 'task' = 과제에서 특성을 지울 때 쓰는 기준 입력, 'zero' = 모두 0",
  "'riemann' = midpoint rule, 'gauss-legendre' = Gauss-Legendre nodes (Captum's default)":
    "'riemann' = 중점 규칙, 'gauss-legendre' = 가우스-르장드르 노드(Captum 기본값)",
  "Mean gradient of the target logit over Gaussian-noised copies of the input.":
    "입력에 가우스 잡음을 더한 사본들에서 구한 대상 로짓 기울기의 평균입니다.",
  "noisy copies per input (gradient passes per sample)":
    "입력 하나당 잡음 사본 수(표본 하나당 기울기 계산 횟수)",
  "noise sigma as a fraction of the input's max - min range":
    "입력의 최댓값 - 최솟값 범위에 대한 비율로 나타낸 잡음 시그마",
  "Drop in the target logit when a sliding window (or one tabular feature) is set to the baseline.":
    "미끄러지는 창(또는 표 형식 특성 하나)을 기준 입력 값으로 바꿨을 때 대상 로짓이 줄어드는 정도입니다.",
  "side of the square window in pixels, capped by the image; 0 = a seventh of the smaller side (4 on 28x28)":
    "정사각형 창의 한 변(픽셀, 이미지 크기를 넘지 않음). 0 = 짧은 변의 7분의 1(28x28에서 4)",
  "step between windows in pixels, capped by the window; 0 = half the window":
    "창 사이의 간격(픽셀, 창 크기를 넘지 않음). 0 = 창의 절반",
  "what an occluded region is set to: 'task' = the task's removed-feature baseline, 'zero' = all zeros":
    "가린 영역에 넣을 값: 'task' = 과제에서 특성을 지울 때 쓰는 기준 입력, 'zero' = 모두 0",
  "KernelSHAP: Shapley values of the target probability by Shapley-kernel weighted regression over feature coalitions. Unlike shap's default l1_reg='auto', no features are selected first (matters from 14 players up; not measured).":
    "KernelSHAP: 특성 연합에 대한 섀플리 커널 가중 회귀로 구한 대상 확률의 섀플리 값입니다. shap의 기본값 l1_reg='auto'와 달리 특성을 미리 고르지 않습니다(참가자 14개 이상에서 차이가 남. 측정하지 않음).",
  "coalitions per input; 0 = shap's 'auto', 2M + 2048 (M groups), always capped at 2^M - 2":
    "입력 하나당 연합 수. 0 = shap의 'auto', 2M + 2048(M은 그룹 수)이며 항상 2^M - 2를 넘지 않음",
  "'data' = rows drawn from the training split or --background, 'baseline' = the task baseline alone, 'auto' = data for tabular tasks, baseline for images (cost)":
    "'data' = 학습 분할이나 --background에서 뽑은 행, 'baseline' = 과제의 기준 입력 하나, 'auto' = 표 형식 과제는 data, 이미지는 baseline(비용 때문)",
  "background rows drawn when background is data (each coalition costs one forward pass per row)":
    "background가 data일 때 뽑는 배경 행 수(연합 하나가 행마다 순전파 한 번씩 듦)",
  "image pixel groups: square grid cells or SLIC superpixels":
    "이미지 픽셀 그룹: 정사각형 격자 칸 또는 SLIC 슈퍼픽셀",
  "grid cell side in pixels (grouping=grid)":
    "격자 칸의 한 변(픽셀, grouping=grid)",
  "approximate number of SLIC superpixels (grouping=slic)":
    "SLIC 슈퍼픽셀의 대략적인 수(grouping=slic)",
  "SLIC compactness on range-normalised intensities (grouping=slic)":
    "범위를 정규화한 밝기에서의 SLIC 조밀도(grouping=slic)",
  "LIME: a sparse weighted-ridge surrogate of the target probability fitted on random on/off perturbations of superpixels or binned features. Quickshift's tie noise has a fixed seed as in lime (segmentationSeed), so only the sampling follows the run seed.":
    "LIME: 슈퍼픽셀이나 구간으로 나눈 특성을 무작위로 켜고 끈 섭동에 적합한, 대상 확률의 희소 가중 릿지 대리 모델입니다. Quickshift의 동률 잡음은 lime처럼 고정 시드(segmentationSeed)를 쓰므로, 실행 시드를 따르는 것은 표집뿐입니다.",
  "neighbourhood size per input, the input itself included; 0 = the reference defaults, 1000 for images and 5000 for tabular":
    "입력 하나당 이웃 크기(입력 자신 포함). 0 = 참조 구현의 기본값으로 이미지 1000, 표 형식 5000",
  "width of the kernel sqrt(exp(-d^2 / w^2)); 0 = the reference defaults, 0.25 for images (cosine distance) and 0.75 sqrt(features) for tabular (Euclidean)":
    "커널 너비 sqrt(exp(-d^2 / w^2)). 0 = 참조 구현의 기본값으로 이미지 0.25(코사인 거리), 표 형식 0.75 sqrt(특성 수)(유클리드 거리)",
  "features kept before the final ridge: auto (forward if numFeatures <= 6, else highest_weights), forward, highest_weights, lasso_path, none":
    "마지막 릿지 전에 남길 특성 고르기: auto(numFeatures <= 6이면 forward, 아니면 highest_weights), forward, highest_weights, lasso_path, none",
  "K, the features the surrogate keeps; 0 = the reference defaults, all segments for images and 10 for tabular":
    "대리 모델이 남길 특성 수 K. 0 = 참조 구현의 기본값으로 이미지는 모든 조각, 표 형식은 10",
  "images: what a hidden segment shows, 'mean' = its own mean per channel (the reference default), or one value (LIME's MNIST tutorial: 0)":
    "이미지: 숨긴 조각에 보일 값. 'mean' = 그 조각의 채널별 평균(참조 구현의 기본값), 또는 한 값(LIME의 MNIST 예제: 0)",
  "images: superpixels by quickshift (the reference default), SLIC, or square grid cells":
    "이미지: quickshift 슈퍼픽셀(참조 구현의 기본값), SLIC, 또는 정사각형 격자 칸",
  "quickshift density kernel (>= 1); 0 = LIME's 4, or 1 on digit-sized images (both sides <= 32), as LIME's MNIST tutorial":
    "quickshift 밀도 커널(>= 1). 0 = LIME의 4, 또는 숫자 크기 이미지(두 변 모두 <= 32)에서는 LIME의 MNIST 예제처럼 1",
  "quickshift: links longer than this are cut (LIME: 200)":
    "quickshift: 이보다 긴 연결은 끊음(LIME: 200)",
  "quickshift: weight of colour against space (LIME: 0.2)":
    "quickshift: 공간에 대한 색의 가중치(LIME: 0.2)",
  "quickshift: Gaussian pre-blur (scikit-image default 0)":
    "quickshift: 미리 하는 가우스 흐림(scikit-image 기본값 0)",
  "quickshift: seed of its tie-breaking noise, fixed as in lime's SegmentationAlgorithm (scikit-image's random_seed=42); -1 = drawn from the run seed per sample (then segments change from run to run)":
    "quickshift: 동률을 깨는 잡음의 시드. lime의 SegmentationAlgorithm처럼 고정(scikit-image random_seed=42). -1 = 표본마다 실행 시드에서 뽑음(그러면 실행마다 조각이 바뀜)",
  "SLIC: approximate number of superpixels (scikit-image default 100)":
    "SLIC: 슈퍼픽셀의 대략적인 수(scikit-image 기본값 100)",
  "SLIC: compactness on range-normalised intensities":
    "SLIC: 범위를 정규화한 밝기에서의 조밀도",
  "grid: cell side in pixels":
    "격자: 칸의 한 변(픽셀)",
  "tabular: training rows the bin statistics come from, drawn at fit; 0 = all":
    "표 형식: 구간 통계를 낼 학습 행 수(적합할 때 뽑음). 0 = 모두",
  "SP-LIME: pick this many of the inputs explained together as a global view (extras.pick of every sample); 0 = off":
    "SP-LIME: 함께 설명한 입력 가운데 이만큼을 골라 전역 보기로 삼음(모든 표본의 extras.pick). 0 = 끔",
  "DeepLIFT (rescale rule): activation differences from a reference input propagated as multipliers to the target logit.":
    "DeepLIFT(rescale 규칙): 기준 입력에 대한 활성값의 차이를 승수로 삼아 대상 로짓까지 전파한 값입니다.",
  "the reference input x0 (Captum's default: zeros): 'task' = the task's removed-feature baseline, 'zero' = all zeros":
    "기준 입력 x0(Captum 기본값: 0): 'task' = 과제에서 특성을 지울 때 쓰는 기준 입력, 'zero' = 모두 0",
  "DeepSHAP: DeepLIFT (rescale rule) of the target logit averaged over rows of the background data.":
    "DeepSHAP: 배경 데이터의 행들에 걸쳐 평균한 대상 로짓의 DeepLIFT(rescale 규칙) 값입니다.",
  "background rows averaged over (one gradient pass each); shap's examples use 100, Captum every baseline given":
    "평균을 낼 배경 행 수(행마다 기울기 계산 한 번). shap 예제는 100개를 쓰고, Captum은 주어진 기준 입력을 모두 씀",
  "GradientSHAP: expected gradients between background rows and the (noised) input, at random points on the path.":
    "GradientSHAP: 배경 행과 (잡음을 더한) 입력을 잇는 경로 위의 무작위 지점에서 구한 기대 기울기(expected gradients)입니다.",
  "draws per input (gradient passes per sample); Captum's n_samples default: 5":
    "입력 하나당 뽑는 횟수(표본 하나당 기울기 계산 횟수). Captum의 n_samples 기본값: 5",
  "sigma of the Gaussian noise added to the input, in input units; Captum's stdevs default: 0":
    "입력에 더하는 가우스 잡음의 시그마(입력 단위). Captum의 stdevs 기본값: 0",
  "background rows the baselines are drawn from":
    "기준 입력을 뽑아 올 배경 행 수",
  "Grad-CAM: feature maps of a conv layer weighed by their mean gradient, ReLU, upsampled bilinearly to the input.":
    "Grad-CAM: 합성곱 층의 특성 맵을 각 맵의 평균 기울기로 가중합하고 ReLU를 적용한 뒤, 입력 크기로 쌍선형 업샘플링한 값입니다.",
  "the Conv2D layer whose feature maps are weighed ('' = the last, as the paper and Captum examples do)":
    "특성 맵에 가중치를 줄 Conv2D 층('' = 논문과 Captum 예제처럼 마지막 층)",
  "Guided Grad-CAM: guided backpropagation times the upsampled Grad-CAM map.":
    "Guided Grad-CAM: 유도 역전파(guided backpropagation)에 업샘플링한 Grad-CAM 맵을 곱한 값입니다.",
  "Guided backpropagation: the gradient with negative signals stopped at every ReLU on the way back.":
    "유도 역전파(guided backpropagation): 거꾸로 전파하는 동안 모든 ReLU에서 음의 신호를 막은 기울기입니다.",
  "Deconvnet: the target logit sent back with every ReLU passing only positive signals, whatever the forward input.":
    "Deconvnet: 순전파 입력과 상관없이 모든 ReLU가 양의 신호만 통과시키게 하여 대상 로짓을 거꾸로 전파한 값입니다.",
  "Variance of the target-logit gradient over Gaussian-noised copies of the input.":
    "입력에 가우스 잡음을 더한 사본들에서 구한 대상 로짓 기울기의 분산입니다.",
  "noisy copies per input, as smoothgrad (Captum's nt_samples default: 5)":
    "입력 하나당 잡음 사본 수로, smoothgrad와 같음(Captum의 nt_samples 기본값: 5)",
  "noise sigma as a fraction of the input's max - min range, as smoothgrad":
    "입력의 최댓값 - 최솟값 범위에 대한 비율로 나타낸 잡음 시그마로, smoothgrad와 같음",
  "Feature permutation: the drop of the target logit when a feature takes another data row's value.":
    "특성 순열(feature permutation): 한 특성이 다른 데이터 행의 값을 가질 때 대상 로짓이 줄어드는 정도입니다.",
  "data rows drawn per feature (forward passes per feature); Captum permutes once per call":
    "특성 하나당 뽑는 데이터 행 수(특성 하나당 순전파 횟수). Captum은 호출마다 한 번 섞음",
  "Shapley value sampling: mean change of the target logit as each player joins, over random orderings.":
    "섀플리 값 표집: 무작위 순서들에 걸쳐, 각 참가자가 합류할 때 대상 로짓이 바뀌는 양의 평균입니다.",
  "random orderings of the players per input; Captum's n_samples default: 25":
    "입력 하나당 참가자들의 무작위 순서 수. Captum의 n_samples 기본값: 25",
  "what a player is switched from (Captum's default: zeros): 'task' = the task's removed-feature baseline, 'zero' = all zeros":
    "참가자가 합류하기 전의 값(Captum 기본값: 0): 'task' = 과제에서 특성을 지울 때 쓰는 기준 입력, 'zero' = 모두 0",
  "image pixel groups: square grid cells or SLIC superpixels, as kernel-shap":
    "이미지 픽셀 그룹: 정사각형 격자 칸 또는 SLIC 슈퍼픽셀로, kernel-shap과 같음",
  "Layer-wise Relevance Propagation of the target logit (rules per layer from a composite). z⁺ and w² include the bias as Zennit does; by design, tied max-pool maxima share relevance equally (Zennit: one winner; 1–10% median relative L2 on the CNNs) and γ is the textbook rule (Zennit generalises it on negative outputs; not measured).":
    "대상 로짓의 층별 관련도 전파(LRP)이며, 층마다의 규칙은 합성 규칙(composite)에서 정합니다. z⁺와 w²는 Zennit처럼 편향을 포함합니다. 의도적으로, max-pool에서 동률인 최댓값들은 관련도를 똑같이 나누고(Zennit은 하나만 가져감. CNN에서 상대 L2 중앙값 1–10%), γ는 교과서의 규칙을 씁니다(Zennit은 음수 출력에서 이를 일반화함. 측정하지 않음).",
  "rule per layer type: first layer / Conv2D / Dense (see explainers/attribution/lrp/composites/)":
    "층 종류별 규칙: 첫 층 / Conv2D / Dense(explainers/attribution/lrp/composites/ 참고)",
  "one rule for every Dense/Conv2D layer, overriding the composite":
    "모든 Dense/Conv2D 층에 한 규칙을 쓰며, 합성 규칙보다 우선함",
  "per-layer rules, overriding rule and composite; layer names are checked against the model":
    "층별 규칙으로 rule과 합성 규칙보다 우선함. 층 이름은 모델과 대조해 확인함",
  "ε of the epsilon rule (zennit default)":
    "epsilon 규칙의 ε(zennit 기본값)",
  "γ of the gamma rule (zennit and Montavon 2019 default)":
    "gamma 규칙의 γ(zennit과 Montavon 2019의 기본값)",
  "α of the alphabeta rule; alpha − beta must be 1":
    "alphabeta 규칙의 α. alpha − beta는 1이어야 함",
  "β of the alphabeta rule":
    "alphabeta 규칙의 β",
  "z^B lower input bound (auto: 0 for images, background min or −3 for tabular)":
    "z^B 규칙의 입력 하한(auto: 이미지는 0, 표 형식은 배경 최솟값 또는 −3)",
  "z^B upper input bound (auto: 1 for images, background max or 3 for tabular)":
    "z^B 규칙의 입력 상한(auto: 이미지는 1, 표 형식은 배경 최댓값 또는 3)",
  "also return the relevance at this layer's output ('' for none)":
    "이 층의 출력에서의 관련도도 돌려줌(없으면 '')",
  "zplus adds b⁺ and wsquare b² to the denominator, as zennit's ZPlus and WSquare do (false: the bias-free DTD forms)":
    "zennit의 ZPlus, WSquare처럼 zplus는 b⁺를, wsquare는 b²를 분모에 더함(false: 편향 없는 DTD 형태)",
  "tied maxima of a max-pool window share its relevance equally (split) or the first in row-major order takes it (first: the autograd choice zennit inherits)":
    "max-pool 창에서 동률인 최댓값들이 관련도를 똑같이 나누거나(split) 행 우선 순서로 첫 번째가 가져감(first: zennit이 물려받은 autograd의 선택)",
  "zero-shot recognition (DAP/ESZSL, calibrated stacking, Socher novelty) explained by knowledge-graph concept paths":
    "지식 그래프의 개념 경로로 설명하는 제로샷 인식(DAP/ESZSL, 보정 스태킹, Socher 새로움 판정)",
  "class scores from attributes: DAP (Lampert et al.) or ESZSL (Romera-Paredes & Torr)":
    "속성에서 클래스 점수를 내는 방법: DAP(Lampert 등) 또는 ESZSL(Romera-Paredes와 Torr)",
  "seen-vs-unseen decision: calibrated stacking (Chao et al.) or the Gaussian novelty gate (Socher et al.)":
    "본 클래스인지 보지 못한 클래스인지 정하는 방법: 보정 스태킹(Chao 등) 또는 가우스 새로움 관문(Socher 등)",
  "calibrated stacking: share of held-out seen images that must stay predicted as seen":
    "보정 스태킹: 따로 떼어 둔 본 이미지 가운데 본 클래스로 예측되어야 하는 비율",
  "novelty threshold: this quantile of held-out seen images' novelty":
    "새로움 임계값: 따로 떼어 둔 본 이미지의 새로움 점수에서 이 분위수",
  "explanatory attributes per decision (positive evidence only)":
    "결정 하나당 설명 속성 수(긍정 근거만)",
  "similar seen classes per decision":
    "결정 하나당 비슷한 본 클래스 수",
  "WordNet hypernym hops shown above each attribute's concept":
    "각 속성의 개념 위로 보여 줄 WordNet 상위어 단계 수",
  "gradient steps of the attribute predictors":
    "속성 예측기의 경사 하강 단계 수",
  "Training examples nearest to the input in the penultimate-layer space (Euclidean), with their true labels.":
    "끝에서 두 번째 층 공간(유클리드 거리)에서 입력에 가장 가까운 학습 예시와 그 실제 레이블입니다.",
  "neighbours shown per input":
    "입력 하나당 보여 줄 이웃 수",
  "training examples searched (a seeded subset of the training split)":
    "찾아볼 학습 예시 수(학습 분할에서 시드를 정해 뽑은 부분집합)",
  "Least change found (seeded Growing Spheres search, then made sparse) that flips the prediction, with its size.":
    "예측을 뒤집는, 찾은 가장 작은 변화(시드를 정한 Growing Spheres 탐색 뒤 희소화)와 그 크기입니다.",
  "points drawn per spherical shell":
    "구면 껍질 하나당 뽑는 점의 수",
  "shells tried at most (the search budget)":
    "시도할 껍질의 최대 수(탐색 예산)",
  "radius growth per shell, as root-mean-square change per input element":
    "껍질마다 늘리는 반지름. 입력 요소당 제곱평균제곱근 변화로 나타냄",
  "put back the least-changed features while the answer stays flipped":
    "답이 뒤집힌 채로 남는 동안 가장 적게 바뀐 특성을 원래대로 되돌림",
  "generated examples from the query's generative region: smallest boundary set by a Concrete mask, explored by an RRT (Jeon et al. 2020)":
    "질의의 생성 영역에서 만든 예시입니다. Concrete 마스크로 가장 작은 경계 집합을 찾고 RRT로 탐색합니다(Jeon 등 2020).",
  "the generator's hidden layer whose units' on/off boundaries are searched (1 = first; its boundaries are hyperplanes in latent space)":
    "켜짐/꺼짐 경계를 찾을 생성기의 은닉층(1 = 첫 층. 그 경계는 잠재 공간의 초평면임)",
  "weight of the L1 penalty on keep-probabilities against the summed squared reconstruction error (larger = fewer boundaries)":
    "합한 재구성 제곱 오차에 대한, 유지 확률 L1 벌점의 가중치(클수록 경계가 적음)",
  "temperature of the relaxed-Bernoulli (Concrete) masks":
    "완화 베르누이(Concrete) 마스크의 온도",
  "Adam steps of the mask optimisation":
    "마스크 최적화의 Adam 단계 수",
  "Adam's learning rate on the mask logits":
    "마스크 로짓에 대한 Adam 학습률",
  "Concrete masks drawn per Adam step (Monte Carlo estimate of the expected error)":
    "Adam 단계 하나당 뽑는 Concrete 마스크 수(기대 오차의 몬테카를로 추정)",
  "starting logit of every keep-probability (2 = 0.88: units start kept)":
    "모든 유지 확률의 시작 로짓(2 = 0.88: 유닛은 유지된 채로 시작)",
  "samples returned per query (RRT nodes besides the query)":
    "질의 하나당 돌려줄 표본 수(질의를 뺀 RRT 노드)",
  "RRT extension length in latent units":
    "잠재 단위로 나타낸 RRT 확장 길이",
  "halvings of a rejected extension to find the farthest point inside the region":
    "영역 안에서 가장 먼 점을 찾으려고 기각된 확장을 반으로 줄이는 횟수",
  "where the RRT draws its random targets: the prior N(0, I) or uniform in the ball of `radius` around the query":
    "RRT가 무작위 목표를 뽑는 곳: 사전 분포 N(0, I), 또는 질의 둘레 반지름 `radius` 공 안에서 균등하게",
  "ball radius of sampler=ball":
    "sampler=ball일 때 공의 반지름",
  "cap on RRT iterations (an iteration that makes no progress is retried)":
    "RRT 반복의 상한(진전이 없는 반복은 다시 시도함)",
  "generated examples from latents uniform in an L2 ball around the query, radius matched to generative-boundaries' mean distance (the paper's baseline)":
    "질의 둘레의 L2 공에서 균등하게 뽑은 잠재 벡터로 만든 예시입니다. 반지름은 generative-boundaries의 평균 거리에 맞춥니다(논문의 비교 기준).",
  "ball radius; 0 = matched: the mean latent distance equals the generative-boundaries samples' for the same query and parameters":
    "공의 반지름. 0 = 맞춤: 같은 질의와 매개변수에서 평균 잠재 거리가 generative-boundaries 표본의 평균 거리와 같아지게 함",
  "DeepRED: layer-wise decompositional rule extraction with C4.5 trees per hidden term, substitution into DNF and simplification, under explicit budgets":
    "DeepRED: 은닉 항마다 C4.5 나무를 쓰는 층별 분해식 규칙 추출로, DNF로 대입해 단순화하며 명시적인 예산 안에서 돌아갑니다.",
  "C4.5's minimum cases on at least two branches (-m)":
    "C4.5에서 적어도 두 가지에 필요한 최소 사례 수(-m)",
  "C4.5 pruning confidence (0 or 1: no pruning)":
    "C4.5 가지치기 신뢰도(0 또는 1: 가지치기 안 함)",
  "most hidden-unit terms expanded per layer (one C4.5 tree each), the most used first":
    "층마다 펼칠 은닉 유닛 항의 최대 수(각각 C4.5 나무 하나). 가장 많이 쓰이는 것부터",
  "most clauses kept per substituted clause and per class after each layer (most confident first)":
    "층을 지날 때마다, 대입한 절 하나와 클래스 하나당 남길 절의 최대 수(신뢰도가 높은 것부터)",
  "deterministic budget of the whole extraction in work units (rows x features scanned for tree splits, plus clause products); 0: none":
    "추출 전체의 결정적인 작업 예산(작업 단위: 나무 분할을 위해 훑는 행 x 특성, 그리고 절의 곱). 0: 없음",
  "outer safety cut on wall time; if it fires, the rules depend on the machine (reported in budgetHit)":
    "실제 경과 시간에 대한 바깥 안전 한계. 이것이 작동하면 규칙이 기계에 따라 달라짐(budgetHit에 보고)",
  "training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)":
    "학습에 쓸 학습 행 수(0: 모두. 아니면 (n / rows)번째 행마다 하나씩이며 모든 시드에서 같음)",
  "C4.5 tree (gain ratio, observed-value thresholds, pessimistic pruning) on the network's predictions, as rules":
    "신경망의 예측에 맞춘 C4.5 나무(이득 비율, 관측값 임계값, 비관적 가지치기)를 규칙으로 바꾼 것입니다.",
  "wall-time budget of the tree":
    "나무를 만드는 실제 경과 시간 예산",
  "CART tree (Gini, midpoint thresholds, depth-bounded) on the network's predictions, as rules":
    "신경망의 예측에 맞춘 CART 나무(지니, 중점 임계값, 깊이 제한)를 규칙으로 바꾼 것입니다.",
  "maximum tree depth (bounds the rule length)":
    "나무의 최대 깊이(규칙 길이의 상한)",
  "minimum training rows per leaf":
    "잎 하나당 최소 학습 행 수",
  "C4.5 tree on the training rows plus synthetic queries from the per-feature marginals, all labelled by the network (TREPAN-style oracle queries)":
    "학습 행에 특성별 주변 분포에서 만든 합성 질의를 더하고 모두 신경망으로 레이블을 붙여 맞춘 C4.5 나무입니다(TREPAN 방식의 오라클 질의).",
  "synthetic inputs labelled by the network (TREPAN uses at least 1000 per node)":
    "신경망이 레이블을 붙이는 합성 입력 수(TREPAN은 노드당 최소 1000개)",
};
