/** A minimal CIN census with one child, for rule and structure tests: what a test varies is passed in. */
export function cinCensus(options: { year?: string; referenceDate?: string; identifiers?: string; laChildId?: string; characteristics?: string; episode?: string; details?: string } = {}) {
  const { year = '2025', identifiers = '<PersonBirthDate>2015-05-05</PersonBirthDate><Sex>F</Sex>', laChildId = 'DB000123', episode = '', details = '' } = options;
  const { characteristics = '<Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities>' } = options;
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
      <ChildCharacteristics>${characteristics}</ChildCharacteristics>
      <CINdetails>
        ${episode || `<CINreferralDate>${Number(year) - 1}-06-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <ReferralNFA>false</ReferralNFA>`}
        ${details}
      </CINdetails>
    </Child>
  </Children>
</Message>`;
}

/** An episode's opening fields: a referral on 3 June 2024 from a school, then what the test adds. */
export const episode = (fields: string) => `<CINreferralDate>2024-06-03</CINreferralDate><ReferralSource>2A</ReferralSource>${fields}`;
export const NEED = '<PrimaryNeedCode>N1</PrimaryNeedCode>';
export const NFA = '<ReferralNFA>false</ReferralNFA>';
export const s47 = (start: string, icpc?: string, target = '2024-06-24') =>
  `<Section47><S47ActualStartDate>${start}</S47ActualStartDate><InitialCPCtarget>${target}</InitialCPCtarget>${icpc ? `<DateOfInitialCPC>${icpc}</DateOfInitialCPC>` : ''}<ICPCnotRequired>false</ICPCnotRequired></Section47>`;
export const cpPlan = (start: string, end?: string, reviews: string[] = []) =>
  `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>${end ? `<CPPendDate>${end}</CPPendDate>` : ''}<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>${reviews.length ? `<Reviews>${reviews.map((r) => `<CPPreviewDate>${r}</CPPreviewDate>`).join('')}</Reviews>` : ''}</ChildProtectionPlans>`;
