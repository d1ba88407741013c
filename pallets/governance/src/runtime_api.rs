//! The runtime API through which wallets, relayers and apps vote by signed message and read
//! proposals.

use crate::{ClassId, ProposalIndex, ProposalSummary, VoteChoice, VoteNonce, VotePayload};
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// What wallets and relayers need to vote by signed message, and clients to propose.
	#[api_version(2)]
	pub trait GovernanceApi<AccountId, Balance, BlockNumber, Hash, Call>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		Hash: Codec,
		Call: Codec,
	{
		/// The message to sign to vote `choice` with `nonce` on `proposal` (`None` if there is no
		/// such proposal): its SCALE encoding is the exact bytes to sign. (A struct rather than
		/// `Vec<u8>`: clients decode it unambiguously and re-encode it byte for byte.)
		fn vote_payload(proposal: ProposalIndex, choice: VoteChoice, nonce: VoteNonce) -> Option<VotePayload<Hash>>;
		/// `who`'s voting power on `proposal` (at its snapshot).
		fn voting_power(proposal: ProposalIndex, who: AccountId) -> Balance;
		/// The nonce `who`'s next signed vote on `proposal` must carry (0: the next vote is their
		/// first, which may go fee-less).
		fn next_nonce(proposal: ProposalIndex, who: AccountId) -> VoteNonce;
		/// The proposal's class, rule, electorate, tally and status.
		fn proposal(proposal: ProposalIndex) -> Option<ProposalSummary<Balance, BlockNumber, Hash>>;
		/// The class a proposal of `call` needs (or a class at least as strict with the same
		/// origin), or `None` if no proposal may carry `call`.
		#[api_version(2)]
		fn required_class(call: Call) -> Option<ClassId>;
	}
}
