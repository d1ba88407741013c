//! Runtime API of pallet-token: voting power and supply at a block, for clients and for other
//! chains' tooling (polkadot.js calls it as `api.call.tokenApi.*`).

use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Voting power and supply history of the token.
	pub trait TokenApi<AccountId, BlockNumber, Balance>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		Balance: Codec,
	{
		/// The voting power of `who` at the end of block `at`.
		fn voting_power_at(who: AccountId, at: BlockNumber) -> Balance;
		/// The current voting power of `who` (own total unless delegating, plus delegated).
		fn current_voting_power(who: AccountId) -> Balance;
		/// The total supply at the end of block `at`.
		fn total_supply_at(at: BlockNumber) -> Balance;
		/// The account `who` delegates its voting power to, if any.
		fn delegate_of(who: AccountId) -> Option<AccountId>;
	}
}
