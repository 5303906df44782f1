// The default bank as a SurveyJS survey, as close to Tandem's self-assessment as SurveyJS gets:
// one page per dimension, each statement a five-point scale plus "Don't know", then the optional
// estimate of the other function.
(async () => {
  const bank = await (await fetch('../../crates/core/banks/default.json')).json();
  const scale = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree']
    .map((text, index) => ({ value: index + 1, text: `${index + 1} ${text}` }));
  const json = {
    title: bank.title,
    showProgressBar: 'top',
    pages: bank.dimensions.map((dimension) => ({
      name: dimension.id,
      title: dimension.title,
      description: dimension.summary,
      elements: [
        ...dimension.items.map((item) => ({
          type: 'radiogroup', name: item.id, title: item.text, choices: scale, colCount: 6,
          showNoneItem: true, noneText: "Don't know",
        })),
        {
          type: 'radiogroup', name: `estimate-${dimension.id}`, colCount: 6,
          title: 'Optional: how well do you think IT would say this area works?',
          choices: ['Very poorly', 'Poorly', 'Neither', 'Well', 'Very well']
            .map((text, index) => ({ value: index + 1, text: `${index + 1} ${text}` })),
        },
      ],
    })),
  };
  const survey = new Survey.Model(json);
  survey.render(document.getElementById('survey'));
})();
