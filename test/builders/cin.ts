/** A minimal CIN census with one child, for rule and structure tests: what a test varies is passed in. */
export function cinCensus(options: { year?: string; referenceDate?: string; identifiers?: string; laChildId?: string; episode?: string; details?: string } = {}) {
  const { year = '2025', identifiers = '<PersonBirthDate>2015-05-05</PersonBirthDate><Sex>F</Sex>', laChildId = 'DB000123', episode = '', details = '' } = options;
  const referenceDate = options.referenceDate ?? `${year}-03-31`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${referenceDate}</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>Stable Homes</SoftwareCode><Release>0.1.0</Release><SerialNo>001</SerialNo><DateTime>${year}-04-02T09:00:00</DateTime></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>${laChildId}</LAchildID>
        ${identifiers}
      </ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails>
        ${episode || `<CINreferralDate>${Number(year) - 1}-06-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>`}
        ${details}
      </CINdetails>
    </Child>
  </Children>
</Message>`;
}
