// Being built (issue 8).
export default function PilotBoardPage() {
  return <p className="state">The pilot board is being built.</p>;
}
